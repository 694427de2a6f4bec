package io.casegrid.escalation;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.process.CaseLifecycleProcess;
import io.casegrid.process.EngineUser;
import io.casegrid.process.ThreeLevelResponseProcess.Ids;
import io.casegrid.process.ThreeLevelResponseProcess.Vars;
import io.casegrid.web.ConflictException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 上报 through the API: completes the case's open 分级办理 task with ESCALATE, as its handler would. */
@Service
class ManualEscalation {

	private final TaskService tasks;

	private final EngineUser engineUser;

	private final Escalations escalations;

	ManualEscalation(TaskService tasks, EngineUser engineUser, Escalations escalations) {
		this.tasks = tasks;
		this.engineUser = engineUser;
		this.escalations = escalations;
	}

	@Transactional
	Escalation escalate(UUID caseId, String reason, String actor) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId.toString())
			.taskDefinitionKey(Ids.TASK_HANDLE_AT_LEVEL)
			.active()
			.singleResult();
		if (task == null) {
			throw new ConflictException("Case " + caseId + " is not being handled in the three-level response");
		}
		if ("COUNTY".equals(tasks.getVariable(task.getId(), Vars.RESPONSE_LEVEL))) {
			throw new ConflictException("Case " + caseId + " is at the county centre already: there is no level above");
		}
		engineUser.runAs(actor, () -> tasks.complete(task.getId(),
				Map.of(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, HandleAtLevelTask.ESCALATE, Vars.ESCALATION_REASON,
						reason)));
		return escalations.find(caseId, null, null, null, null, 0, 1).items().get(0);
	}

}
