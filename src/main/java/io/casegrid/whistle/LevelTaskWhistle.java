package io.casegrid.whistle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.security.Actor;
import io.casegrid.web.NotFoundException;
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

	private final DepartmentList departmentList;

	LevelTaskWhistle(TaskService tasks, RuntimeService runtime, Whistling whistling, EngineUser engineUser,
			CaseActions actions, DepartmentList departmentList) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.whistling = whistling;
		this.engineUser = engineUser;
		this.actions = actions;
		this.departmentList = departmentList;
	}

	/** What was whistled: the level that whistled (its candidate group) and the departments in order. */
	record Whistled(String whistledBy, List<String> departments) {
	}

	/**
	 * While departments work the case (its department reports run), a whistle adds departments to them (增派: the
	 * level — e.g. the township copied on a department matter — works for it, {@link CaseActions#requireWorksFor});
	 * otherwise it completes the level's open 分级办理 task with WHISTLE.
	 */
	Whistled whistle(UUID caseId, List<String> departments, String lead, String comment, UUID applicationId,
			Actor actor) {
		ProcessInstance working = applicationId == null ? departmentsAtWork(caseId) : null;
		if (working != null) {
			return addTo(working, caseId, departments, lead, actor);
		}
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

	/** The case's three-level response while its whistled departments work (the call activity runs), or null. */
	ProcessInstance departmentsAtWork(UUID caseId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(ThreeLevelResponseProcess.PROCESS_KEY)
			.processInstanceBusinessKey(caseId.toString())
			.activityIdIn(Ids.CALL_DEPARTMENT_REPORT)
			.singleResult();
	}

	/** Starts one more department report in the running multi-instance for each department added. */
	private Whistled addTo(ProcessInstance handling, UUID caseId, List<String> departments, String lead,
			Actor actor) {
		String group = (String) runtime.getVariable(handling.getId(), Vars.LEVEL_GROUP);
		actions.requireWorksFor(caseId, group, actor, () -> new NotFoundException("Case", caseId));
		List<String> calledIn = departmentList
			.of((String) runtime.getVariable(handling.getId(), Vars.WHISTLED_DEPARTMENTS));
		List<String> added = whistling.add(caseId, (String) runtime.getVariable(handling.getId(), Vars.RESPONSE_LEVEL),
				group, departments, lead, (String) runtime.getVariable(handling.getId(), Vars.LEAD_DEPARTMENT),
				calledIn, actor.id());
		String body = multiInstanceBody(runtime.getActivityInstance(handling.getId()));
		engineUser.runAs(actor.id(), () -> {
			ProcessInstanceModificationBuilder modification = runtime
				.createProcessInstanceModification(handling.getId());
			for (String department : added) {
				modification = modification.startBeforeActivity(Ids.CALL_DEPARTMENT_REPORT, body)
					.setVariableLocal(Vars.WHISTLED_DEPARTMENT, department);
			}
			modification.execute();
			List<String> all = new ArrayList<>(calledIn);
			all.addAll(added);
			runtime.setVariable(handling.getId(), Vars.WHISTLED_DEPARTMENTS, String.join(",", all));
		});
		return new Whistled(group, added);
	}

	private static String multiInstanceBody(ActivityInstance instance) {
		if ((Ids.CALL_DEPARTMENT_REPORT + "#multiInstanceBody").equals(instance.getActivityId())) {
			return instance.getId();
		}
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			String found = multiInstanceBody(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
