package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.EvaluationSource;

import org.springframework.stereotype.Component;

/**
 * On completing 回访: the evaluation was collected by staff on the visit (evaluationSource = VISIT), so
 * {@code return-visit-policy.dmn} asks for no second visit. A task listener, not an output mapping: Camunda runs
 * output mappings also when the resident's own evaluation interrupts the task, which would hide that it was theirs.
 */
@Component("evaluationCollectedOnVisit")
class EvaluationCollectedOnVisitListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.getExecution().setVariable(Vars.EVALUATION_SOURCE, EvaluationSource.VISIT.name());
	}

}
