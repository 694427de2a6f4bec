package io.casegrid.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.process.EngineUser;
import io.casegrid.process.form.FormOutcome;
import io.casegrid.process.form.TaskForm;
import io.casegrid.process.form.TaskForms;
import io.casegrid.security.Actor;
import io.casegrid.sla.SlaBoard;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open user tasks of the cases: find them, take them, give them back, complete them with an outcome. What a task
 * allows (outcomes, fields, validation) is its deployed Camunda Form, of the task's own process version
 * ({@link TaskForms}). Someone
 * sees the tasks of the cases they may see ({@link CaseVisibility}; others are not found) and acts only on those
 * they are a candidate for ({@link CaseActions}, the rule every action on a case follows; others are forbidden).
 */
@Service
public class WorkItems {

	/** A page of the worklist; {@code total} counts up to {@link TaskSearch#COUNT_LIMIT}. */
	public record Page(List<WorkItem> items, long total, boolean totalIsLowerBound) {
	}

	private final TaskService tasks;

	private final TaskForms forms;

	private final CompletionRules rules;

	private final EngineUser engineUser;

	private final CaseVisibility visibility;

	private final CandidateGroups candidateGroups;

	private final TaskSearch search;

	private final SlaBoard slaBoard;

	private final CaseActions actions;

	private final List<CompletionCheck> completionChecks;

	WorkItems(TaskService tasks, TaskForms forms, CompletionRules rules, EngineUser engineUser,
			CaseVisibility visibility, CandidateGroups candidateGroups,
			TaskSearch search, SlaBoard slaBoard, CaseActions actions, List<CompletionCheck> completionChecks) {
		this.actions = actions;
		this.completionChecks = List.copyOf(completionChecks);
		this.slaBoard = slaBoard;
		this.tasks = tasks;
		this.forms = forms;
		this.rules = rules;
		this.engineUser = engineUser;
		this.visibility = visibility;
		this.candidateGroups = candidateGroups;
		this.search = search;
	}

	/** The actor's worklist: tasks assigned to them or open to one of their groups, in cases they may see. */
	public Page find(Actor actor, UUID caseId, String candidateGroup, String assignee, TaskSearch.Order order,
			int page, int size) {
		TaskSearch.Page found = search.find(actor.id(), candidateGroups.of(actor), visibility.scopeOf(actor),
				new TaskSearch.Filter(caseId, candidateGroup, assignee), order, page, size);
		return new Page(view(found.taskIds()), found.total(), found.totalIsLowerBound());
	}

	/**
	 * The ids of the actor's worklist as {@link #find} lists it (most urgent first), at most {@code limit}: what Camunda
	 * Tasklist may show field staff ({@code webapps.TasklistScope}).
	 */
	public List<String> worklistTaskIds(Actor actor, int limit) {
		return search.find(actor.id(), candidateGroups.of(actor), visibility.scopeOf(actor),
				new TaskSearch.Filter(null, null, null), TaskSearch.Order.fromParameter(null, actor), 0, limit)
			.taskIds();
	}

	/**
	 * A completion sent as a Camunda form's variables (Tasklist's submit): the form's outcome field is the outcome, the
	 * other non-blank values its fields; from there it is {@link #complete}, checks and all.
	 */
	@Transactional
	public void completeWithFormValues(String taskId, Map<String, Object> values, Actor actor) {
		Task task = actions.visibleTask(taskId, actor);
		TaskForm form = formOf(task);
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (!name.equals(form.outcomeKey()) && value != null && !String.valueOf(value).isBlank()) {
				fields.put(name, String.valueOf(value));
			}
		});
		Object outcome = values.get(form.outcomeKey());
		complete(taskId, outcome == null ? null : String.valueOf(outcome), null, fields, actor);
	}

	/** Any task of a case the actor may see (to read it, being a candidate is not needed). */
	public WorkItem get(String taskId, Actor actor) {
		actions.visibleTask(taskId, actor);
		return view(List.of(taskId)).stream().findFirst().orElseThrow(() -> new NotFoundException("Task", taskId));
	}

	@Transactional
	public WorkItem claim(String taskId, Actor actor) {
		Task task = actions.taskToClaim(taskId, actor);
		if (actor.id().equals(task.getAssignee())) {
			return get(taskId, actor);
		}
		try {
			engineUser.runAs(actor.id(), () -> tasks.claim(taskId, actor.id()));
		}
		catch (TaskAlreadyClaimedException ex) {
			throw new ConflictException("Task " + taskId + " is already claimed by someone else");
		}
		return get(taskId, actor);
	}

	@Transactional
	public WorkItem unclaim(String taskId, Actor actor) {
		Task task = actions.taskToWork(taskId, actor);
		if (task.getAssignee() != null) {
			engineUser.runAs(actor.id(), () -> tasks.setAssignee(taskId, null));
		}
		return get(taskId, actor);
	}

	@Transactional
	public void complete(String taskId, String outcome, String comment, Map<String, String> fields, Actor actor) {
		Task task = actions.taskToWork(taskId, actor);
		TaskForm form = formOf(task);
		Map<String, Object> variables = rules.variables(form, outcome, fields);
		UUID caseId = actions.caseIdOf(task);
		if (caseId != null) {
			CompletionCheck.Completion completion = new CompletionCheck.Completion(caseId,
					task.getTaskDefinitionKey(), task.getCreateTime().toInstant(), outcome);
			completionChecks.forEach(check -> check.check(completion));
		}
		engineUser.runAs(actor.id(), () -> {
			if (task.getAssignee() == null) {
				tasks.claim(taskId, actor.id());
			}
			if (comment != null && !comment.isBlank()) {
				tasks.setVariableLocal(taskId, Vars.COMMENT, comment);
			}
			tasks.complete(taskId, variables);
		});
	}

	private TaskForm formOf(Task task) {
		return forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
			.orElseThrow(() -> new ConflictException("Task " + task.getId() + " (" + task.getTaskDefinitionKey()
					+ ") has no deployed Camunda Form this API can read"));
	}

	/**
	 * The tasks as worklists show them, in the order of {@code taskIds}, from the work-item projection: one query for
	 * the rows and their cases, one for the clocks behind them; a task completed meanwhile drops out.
	 */
	private List<WorkItem> view(List<String> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		Map<String, TaskSearch.Row> rows = search.rows(taskIds)
			.stream()
			.collect(Collectors.toMap(TaskSearch.Row::taskId, Function.identity()));
		Map<SlaBoard.TaskDue, io.casegrid.sla.ClockState> states = slaBoard.statesOfTasks(rows.values()
			.stream()
			.map(row -> new SlaBoard.TaskDue(row.processInstanceId(), row.due()))
			.toList());
		Map<String, List<FormOutcome>> outcomesByTask = new java.util.HashMap<>();
		List<WorkItem> items = new ArrayList<>();
		for (String taskId : taskIds) {
			TaskSearch.Row row = rows.get(taskId);
			if (row == null) {
				continue;
			}
			// one look-up per task of a process version, however many of them the page holds
			List<FormOutcome> outcomes = outcomesByTask.computeIfAbsent(
					row.processDefinitionId() + "#" + row.taskKey(),
					k -> forms.of(row.processDefinitionId(), row.taskKey()).map(TaskForm::outcomes).orElse(List.of()));
			var state = states.get(new SlaBoard.TaskDue(row.processInstanceId(), row.due()));
			items.add(new WorkItem(row.taskId(), row.caseId(), row.caseNumber(), row.name(), row.taskKey(),
					row.created(), row.due(), state == null ? null : state.name(), row.assignee(),
					row.candidateGroups(), row.redo(), row.priority(), outcomes));
		}
		return items;
	}

}
