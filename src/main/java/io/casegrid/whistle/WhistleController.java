package io.casegrid.whistle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.api.WhistleApi;
import io.casegrid.api.model.WhistleRequest;
import io.casegrid.api.model.WhistleView;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.org.OrgDirectory;
import io.casegrid.process.EngineUser;
import io.casegrid.security.CurrentActor;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * 吹哨 through the API: completes the case's open 分级办理 task with WHISTLE, as the township or county holding it would
 * ({@link CaseActions}: only who may work that task).
 */
@RestController
class WhistleController implements WhistleApi {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final Whistling whistling;

	private final EngineUser engineUser;

	private final CaseActions actions;

	private final CurrentActor actor;

	private final OrgDirectory org;

	WhistleController(TaskService tasks, RuntimeService runtime, Whistling whistling, EngineUser engineUser,
			CaseActions actions, CurrentActor actor, OrgDirectory org) {
		this.org = org;
		this.tasks = tasks;
		this.runtime = runtime;
		this.whistling = whistling;
		this.engineUser = engineUser;
		this.actions = actions;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<WhistleView> whistleDepartments(UUID caseId, WhistleRequest request) {
		Task task = actions.openTaskToWork(caseId, actor.get(), ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		String level = (String) runtime.getVariable(task.getExecutionId(), ThreeLevelResponseProcess.Vars.RESPONSE_LEVEL);
		String whistledBy = (String) runtime.getVariable(task.getExecutionId(), ThreeLevelResponseProcess.Vars.LEVEL_GROUP);
		String departments = String.join(",", request.getDepartments());
		List<String> codes = whistling.check(level, departments, request.getLead());
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "WHISTLE");
		variables.put(ThreeLevelResponseProcess.Vars.WHISTLED_DEPARTMENTS, departments);
		variables.put(ThreeLevelResponseProcess.Vars.LEAD_DEPARTMENT, request.getLead());
		if (request.getComment() != null) {
			variables.put(CaseLifecycleProcess.Vars.COMMENT, request.getComment());
		}
		engineUser.runAs(actor.get().id(), () -> tasks.complete(task.getId(), variables));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new WhistleView(caseId, whistledBy, codes, request.getLead())
				.whistledByName(org.find(whistledBy).map(unit -> unit.name()).orElse(null)));
	}

}
