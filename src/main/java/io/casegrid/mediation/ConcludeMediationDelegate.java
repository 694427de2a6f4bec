package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 汇总调解结果. In: caseId. Out: mediationOutcome = how the mediation really ended (SETTLED, NOT_SETTLED, TIMED_OUT or
 * DECLINED, also on the mediation record and the case's timeline); handlingOutcome = RESOLVED, which tells the case
 * lifecycle only that handling is finished: every concluded mediation goes on to the result, feedback and archive.
 */
@Component("concludeMediation")
class ConcludeMediationDelegate implements JavaDelegate {

	private final Mediations mediations;

	ConcludeMediationDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MediationOutcome outcome = mediations.conclude(ProcessVariables.caseId(execution));
		execution.setVariable(MediationOutcome.VARIABLE, outcome.name());
		execution.setVariable(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED");
	}

}
