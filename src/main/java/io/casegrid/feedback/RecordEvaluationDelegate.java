package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 记录评价. In: caseId, evaluationScore, evaluationComment (from the return visit or the resident's app). */
@Component("recordEvaluation")
class RecordEvaluationDelegate implements JavaDelegate {

	private final Evaluations evaluations;

	RecordEvaluationDelegate(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String comment = ProcessVariables.string(execution, Vars.EVALUATION_COMMENT);
		evaluations.record(ProcessVariables.caseId(execution),
				EvaluationScore.valueOf(ProcessVariables.string(execution, Vars.EVALUATION_SCORE)),
				comment == null || comment.isBlank() ? null : comment, ProcessActor.current());
		execution.removeVariable(Vars.EVALUATION_COMMENT);
	}

}
