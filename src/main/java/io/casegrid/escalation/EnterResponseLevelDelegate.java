package io.casegrid.escalation;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.TimerBinding;

import org.springframework.stereotype.Component;

/**
 * 进入响应层级. In: caseId, handlingUnitCode, and responseLevel/levelGroup when escalated (empty on the first level);
 * the case's department and SLA class come from the case file. Out: responseLevel, levelGroup, slaClockId,
 * handleDueAt, handleWarnAt (read by the level's timers).
 */
@Component("enterResponseLevel")
class EnterResponseLevelDelegate implements JavaDelegate {

	private final Escalations escalations;

	EnterResponseLevelDelegate(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TimerBinding timers = new TimerBinding(execution.getProcessInstanceId(), Vars.HANDLE_DUE_AT,
				Vars.HANDLE_WARN_AT, Ids.TIMER_HANDLE_BREACH, Ids.TIMER_HANDLE_WARNING);
		Escalations.LevelEntered entered = escalations.enter(ProcessVariables.caseId(execution),
				ProcessVariables.string(execution, Vars.RESPONSE_LEVEL),
				ProcessVariables.string(execution, Vars.LEVEL_GROUP),
				ProcessVariables.string(execution, CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE), timers,
				ProcessActor.current());
		execution.setVariable(Vars.RESPONSE_LEVEL, entered.level().name());
		execution.setVariable(Vars.LEVEL_GROUP, entered.group());
		execution.setVariable(Vars.SLA_CLOCK_ID, entered.clock().id().toString());
		execution.setVariable(Vars.HANDLE_DUE_AT, Date.from(entered.clock().dueAt()));
		execution.setVariable(Vars.HANDLE_WARN_AT, Date.from(entered.clock().warnAt()));
	}

	static UUID clockId(org.camunda.bpm.engine.delegate.VariableScope scope) {
		return UUID.fromString(ProcessVariables.string(scope, Vars.SLA_CLOCK_ID));
	}

}
