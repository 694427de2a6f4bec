package io.casegrid.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 超时升级: the level's limit passed; the case goes one level up (the county, being the top, keeps it on a new clock
 * and the breach stays on record). Out: responseLevel, levelGroup of the level to enter.
 */
@Component("escalateOnBreach")
class EscalateOnBreachDelegate implements JavaDelegate {

	private final Escalations escalations;

	EscalateOnBreachDelegate(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LevelAssignment next = escalations.escalate(ProcessVariables.caseId(execution),
				EnterResponseLevelDelegate.clockId(execution), ProcessVariables.string(execution, Vars.RESPONSE_LEVEL),
				ProcessVariables.string(execution, Vars.LEVEL_GROUP), EscalationTrigger.SLA_BREACH, null,
				ProcessActor.current());
		execution.setVariable(Vars.RESPONSE_LEVEL, next.level().name());
		execution.setVariable(Vars.LEVEL_GROUP, next.group());
	}

}
