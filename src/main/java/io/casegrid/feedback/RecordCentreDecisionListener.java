package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing 综治中心裁定: writes the decision and its reason on the timeline. */
@Component("recordCentreDecision")
class RecordCentreDecisionListener implements TaskListener {

	private final CaseFiles files;

	RecordCentreDecisionListener(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void notify(DelegateTask task) {
		String comment = ProcessVariables.takeComment(task);
		boolean close = CentreDecisionOutcomes.CLOSE.equals(ProcessVariables.string(task, Vars.CENTRE_DECISION));
		String reason = ProcessVariables.string(task, "decisionReason");
		files.change(ProcessVariables.caseId(task), ProcessActor.current(),
				TimelineNote.of("CENTRE_DECIDED", (close ? "综治中心裁定结案：" : "综治中心裁定重新派单：") + reason)
					.withComment(comment),
				f -> {
				});
	}

}
