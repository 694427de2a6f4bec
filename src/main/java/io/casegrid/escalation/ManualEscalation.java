package io.casegrid.escalation;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.worklist.CaseActions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 上报 through the API: completes the case's open 分级办理 task with ESCALATE, as its handler would. */
@Service
class ManualEscalation {

	private final TaskService tasks;

	private final EngineUser engineUser;

	private final Escalations escalations;

	private final CaseActions actions;

	ManualEscalation(TaskService tasks, EngineUser engineUser, Escalations escalations, CaseActions actions) {
		this.actions = actions;
		this.tasks = tasks;
		this.engineUser = engineUser;
		this.escalations = escalations;
	}

	/** Escalates by completing the case's open 分级办理 task, which {@link CaseActions} found the actor may work. */
	@Transactional
	Escalation escalate(UUID caseId, String reason, Actor actor) {
		Task task = actions.openTaskToWork(caseId, actor, Ids.TASK_HANDLE_AT_LEVEL);
		if ("COUNTY".equals(tasks.getVariable(task.getId(), Vars.RESPONSE_LEVEL))) {
			throw new ConflictException("Case " + caseId + " is at the county centre already: there is no level above");
		}
		engineUser.runAs(actor.id(), () -> tasks.complete(task.getId(),
				Map.of(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, LevelOutcomes.ESCALATE, Vars.ESCALATION_REASON,
						reason)));
		return escalations.find(caseId, null, null, null, null, 0, 1).items().get(0);
	}

}
