package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.feedback.ReturnVisitProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.process.form.FormOutcome;
import io.casegrid.process.form.TaskForms;

import org.springframework.stereotype.Component;

/** On completing 评价后回访: writes its result (as the form labels it) and the visitor's record on the timeline. */
@Component("recordFollowUpVisit")
class RecordFollowUpVisitListener implements TaskListener {

	private final FollowUpVisits visits;

	private final TaskForms forms;

	RecordFollowUpVisitListener(FollowUpVisits visits, TaskForms forms) {
		this.visits = visits;
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		String result = ProcessVariables.string(task, Vars.FOLLOW_UP_VISIT_RESULT);
		String label = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
			.flatMap(form -> form.outcome(result))
			.map(FormOutcome::label)
			.orElse(result);
		visits.visited(ProcessVariables.caseId(task), result, label, ProcessVariables.string(task, Vars.VISIT_RECORD),
				ProcessVariables.takeComment(task),
				ProcessActor.current());
	}

}
