package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.casefile.EvaluationSource;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/** 默认满意: no evaluation arrived within the period. In: caseId. Out: evaluationScore = SATISFIED, evaluationSource = DEFAULT. */
@Component("applyDefaultEvaluation")
class ApplyDefaultEvaluationDelegate implements JavaDelegate {

	private final Evaluations evaluations;

	ApplyDefaultEvaluationDelegate(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		evaluations.assumeSatisfied(ProcessVariables.caseId(execution), Actor.SYSTEM.id());
		execution.setVariable(Vars.EVALUATION_SCORE, EvaluationScore.SATISFIED.name());
		execution.setVariable(Vars.EVALUATION_SOURCE, EvaluationSource.DEFAULT.name());
	}

}
