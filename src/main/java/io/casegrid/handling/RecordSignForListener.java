package io.casegrid.handling;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** When someone takes 办理 (签收), the case is in handling. */
@Component("recordSignFor")
class RecordSignForListener implements TaskListener {

	private final CaseFiles files;

	RecordSignForListener(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getAssignee() == null) {
			return;
		}
		files.change(ProcessVariables.caseId(task), ProcessActor.current(),
				TimelineNote.of("SIGNED_FOR", "签收：" + task.getAssignee(), Map.of("assignee", task.getAssignee()))
					.announcing(EventType.TASK_SIGNED_FOR),
				f -> f.startHandling());
	}

}
