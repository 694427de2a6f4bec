package io.casegrid.sla;

/**
 * Which BPMN timers and process variables read a clock's times, so that moving the clock moves them too.
 *
 * @param processInstanceId the instance whose timers and variables these are
 * @param dueVariable e.g. {@code handleDueAt}
 * @param warnVariable e.g. {@code handleWarnAt}
 * @param dueTimer the BPMN id of the timer that fires at the due time
 * @param warnTimer the BPMN id of the timer that fires at the warning time
 */
public record TimerBinding(String processInstanceId, String dueVariable, String warnVariable, String dueTimer,
		String warnTimer) {
}
