package io.casegrid.handling;

import java.util.HashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing 办理: records the result, the request for more time, or the return in the case file. */
@Component("recordHandling")
class RecordHandlingListener implements TaskListener {

	private final CaseFiles files;

	RecordHandlingListener(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void notify(DelegateTask task) {
		String comment = ProcessVariables.takeComment(task);
		var caseId = ProcessVariables.caseId(task);
		String actor = ProcessActor.current();
		switch (ProcessVariables.string(task, Vars.HANDLING_OUTCOME)) {
			case HandlingOutcomes.RESOLVED -> {
				String resolution = ProcessVariables.string(task, "resolution");
				files.change(caseId, actor, TimelineNote.of("RESOLVED", "办结：" + resolution)
					.announcing(EventType.CASE_RESOLVED).withComment(comment),
						f -> f.resolve(resolution));
			}
			case HandlingOutcomes.NEED_MORE_TIME -> {
				task.setVariable(Vars.HANDLER, task.getAssignee());
				var details = new HashMap<String, String>();
				Object expectedBy = task.getVariable("expectedBy");
				if (expectedBy instanceof java.util.Date date) {
					details.put("expectedBy", date.toInstant().toString());
				}
				files.change(caseId, actor,
						TimelineNote.of("MORE_TIME_REQUESTED",
								"申请延时：" + ProcessVariables.string(task, "extensionReason"), details)
							.withComment(comment),
						f -> {
						});
			}
			case HandlingOutcomes.RETURN -> files.change(caseId, actor,
					TimelineNote.of("RETURNED", "退回重新派单：" + ProcessVariables.string(task, "returnReason"))
						.announcing(EventType.CASE_RETURNED)
						.withComment(comment),
					f -> f.returnToDispatch());
			default -> throw new IllegalStateException("Unknown handling outcome on task " + task.getId());
		}
	}

}
