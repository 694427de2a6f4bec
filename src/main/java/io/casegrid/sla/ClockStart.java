package io.casegrid.sla;

import java.util.UUID;

/**
 * What a new clock is for: the case, phase, level and unit it measures, the SLA class that sets its limit (null: the
 * case file's, else the policy's middle class), and the BPMN timers that read its times.
 */
public record ClockStart(UUID caseId, Phase phase, String level, String unitCode, String departmentCode,
		String slaClass, TimerBinding timers) {
}
