package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.feedback.ReturnVisitProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing 评价后回访: writes its result and the visitor's record on the timeline. */
@Component("recordFollowUpVisit")
class RecordFollowUpVisitListener implements TaskListener {

	private final FollowUpVisits visits;

	RecordFollowUpVisitListener(FollowUpVisits visits) {
		this.visits = visits;
	}

	@Override
	public void notify(DelegateTask task) {
		visits.visited(ProcessVariables.caseId(task), ProcessVariables.string(task, Vars.FOLLOW_UP_VISIT_RESULT),
				ProcessVariables.string(task, Vars.VISIT_RECORD), ProcessVariables.takeComment(task),
				ProcessActor.current());
	}

}
