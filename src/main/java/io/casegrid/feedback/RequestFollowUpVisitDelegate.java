package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 发起评价后回访: 回访规则 asked for a visit after the evaluation; starts {@code return-visit.bpmn} for the place's unit and
 * goes on. In: caseId, returnVisitGroup, evaluationScore.
 */
@Component("requestFollowUpVisit")
class RequestFollowUpVisitDelegate implements JavaDelegate {

	private final FollowUpVisits visits;

	RequestFollowUpVisitDelegate(FollowUpVisits visits) {
		this.visits = visits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		visits.request(ProcessVariables.caseId(execution),
				ProcessVariables.string(execution, SendResultDelegate.RETURN_VISIT_GROUP),
				ProcessVariables.string(execution, Vars.EVALUATION_SCORE), ProcessActor.current());
	}

}
