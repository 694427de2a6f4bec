package io.casegrid.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 超时预警: the level's clock passed its warning point; the handlers are told, the clock is at risk. */
@Component("warnHandler")
class WarnHandlerDelegate implements JavaDelegate {

	private final Escalations escalations;

	WarnHandlerDelegate(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		escalations.warn(ProcessVariables.caseId(execution), EnterResponseLevelDelegate.clockId(execution),
				ProcessVariables.string(execution, Vars.LEVEL_GROUP), ProcessActor.current());
	}

}
