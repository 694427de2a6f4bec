package io.casegrid.worklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import io.casegrid.events.EventType;
import io.casegrid.events.Outbox;
import io.casegrid.process.ProcessVariables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code task.assigned}: every user task of a case process, when it is created, with the units or role groups that
 * may work it — one listener for all tasks (Camunda's Spring event bridge), in the engine's transaction.
 */
@Component
class TaskAssignedEvents {

	private final Outbox outbox;

	TaskAssignedEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
	public void created(DelegateTask task) {
		if (task.getVariable(ProcessVariables.CASE_ID) == null) {
			return;
		}
		List<String> groups = task.getCandidates()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("taskId", task.getId());
		payload.put("taskKey", task.getTaskDefinitionKey());
		payload.put("taskName", task.getName());
		payload.put("candidateGroups", groups);
		if (task.getAssignee() != null) {
			payload.put("assignee", task.getAssignee());
		}
		outbox.record(EventType.TASK_ASSIGNED, ProcessVariables.caseId(task), task.getCreateTime().toInstant(),
				payload);
	}

}
