package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 汇总调解结果. In: caseId. Out: handlingOutcome = RESOLVED (the case goes on to feedback and archive). */
@Component("concludeMediation")
class ConcludeMediationDelegate implements JavaDelegate {

	private final Mediations mediations;

	ConcludeMediationDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		mediations.conclude(ProcessVariables.caseId(execution));
		execution.setVariable(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED");
	}

}
