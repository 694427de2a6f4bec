package io.casegrid.whistle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.security.Actor;
import io.casegrid.worklist.CaseActions;

import org.springframework.stereotype.Component;

/**
 * 吹哨 as the holder of the case's open 分级办理 task ({@link CaseActions}: 404, 403, 409 as for every action): checks
 * the whistle at the task's level and completes the task with WHISTLE. Shared by a whistle of the level's own accord
 * and by an accepted 吹哨申请.
 */
@Component
class LevelTaskWhistle {

	/** The outcome of 分级办理 that whistles, as the task's form names it. */
	private static final String WHISTLE = "WHISTLE";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final Whistling whistling;

	private final EngineUser engineUser;

	private final CaseActions actions;

	LevelTaskWhistle(TaskService tasks, RuntimeService runtime, Whistling whistling, EngineUser engineUser,
			CaseActions actions) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.whistling = whistling;
		this.engineUser = engineUser;
		this.actions = actions;
	}

	/** What was whistled: the level that whistled (its candidate group) and the departments in order. */
	record Whistled(String whistledBy, List<String> departments) {
	}

	Whistled whistle(UUID caseId, List<String> departments, String lead, String comment, UUID applicationId,
			Actor actor) {
		Task task = actions.openTaskToWork(caseId, actor, Ids.TASK_HANDLE_AT_LEVEL);
		String level = (String) runtime.getVariable(task.getExecutionId(), Vars.RESPONSE_LEVEL);
		String whistledBy = (String) runtime.getVariable(task.getExecutionId(), Vars.LEVEL_GROUP);
		String codes = String.join(",", departments);
		List<String> checked = whistling.check(level, codes, lead);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, WHISTLE);
		variables.put(Vars.WHISTLED_DEPARTMENTS, codes);
		variables.put(Vars.LEAD_DEPARTMENT, lead);
		if (comment != null) {
			variables.put(CaseLifecycleProcess.Vars.COMMENT, comment);
		}
		engineUser.runAs(actor.id(), () -> {
			if (applicationId != null) {
				tasks.setVariableLocal(task.getId(), Vars.WHISTLE_APPLICATION, applicationId.toString());
			}
			tasks.complete(task.getId(), variables);
		});
		return new Whistled(whistledBy, checked);
	}

}
