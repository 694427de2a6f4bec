package io.casegrid.worklist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.CaseSearch;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.process.EngineUser;
import io.casegrid.security.Actor;
import io.casegrid.sla.SlaBoard;
import io.casegrid.web.ConflictException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open user tasks of the cases: find them, take them, give them back, complete them with an outcome. Someone
 * sees the tasks of the cases they may see ({@link CaseVisibility}; others are not found) and acts only on those
 * they are a candidate for ({@link CaseActions}, the rule every action on a case follows; others are forbidden).
 */
@Service
public class WorkItems {

	/** A page of the worklist; {@code total} counts up to {@link TaskSearch#COUNT_LIMIT}. */
	public record Page(List<WorkItem> items, long total, boolean totalIsLowerBound) {
	}

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final TaskContracts contracts;

	private final CompletionRules rules;

	private final EngineUser engineUser;

	private final CaseSearch caseSearch;

	private final CaseVisibility visibility;

	private final CandidateGroups candidateGroups;

	private final TaskSearch search;

	private final SlaBoard slaBoard;

	private final CaseActions actions;

	private final List<CompletionCheck> completionChecks;

	WorkItems(TaskService tasks, RuntimeService runtime, TaskContracts contracts, CompletionRules rules,
			EngineUser engineUser, CaseSearch caseSearch, CaseVisibility visibility, CandidateGroups candidateGroups,
			TaskSearch search, SlaBoard slaBoard, CaseActions actions, List<CompletionCheck> completionChecks) {
		this.actions = actions;
		this.completionChecks = List.copyOf(completionChecks);
		this.slaBoard = slaBoard;
		this.tasks = tasks;
		this.runtime = runtime;
		this.contracts = contracts;
		this.rules = rules;
		this.engineUser = engineUser;
		this.caseSearch = caseSearch;
		this.visibility = visibility;
		this.candidateGroups = candidateGroups;
		this.search = search;
	}

	/** The actor's worklist: tasks assigned to them or open to one of their groups, in cases they may see. */
	public Page find(Actor actor, UUID caseId, String candidateGroup, String assignee, TaskSearch.Order order,
			int page, int size) {
		TaskSearch.Page found = search.find(actor.id(), candidateGroups.of(actor), visibility.scopeOf(actor),
				new TaskSearch.Filter(caseId, candidateGroup, assignee), order, page, size);
		if (found.taskIds().isEmpty()) {
			return new Page(List.of(), found.total(), found.totalIsLowerBound());
		}
		Map<String, Task> byId = tasks.createTaskQuery()
			.taskIdIn(found.taskIds().toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getId, Function.identity()));
		// a task completed between the two queries simply drops out of this page
		List<Task> inOrder = found.taskIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
		return new Page(view(inOrder), found.total(), found.totalIsLowerBound());
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
	 * A completion sent as a Camunda form's variables (Tasklist's submit): the task contract's outcome variable is the
	 * outcome, the other non-blank values its fields; from there it is {@link #complete}, checks and all.
	 */
	@Transactional
	public void completeWithFormValues(String taskId, Map<String, Object> values, Actor actor) {
		Task task = actions.visibleTask(taskId, actor);
		UserTaskContract contract = contracts.forTask(task.getTaskDefinitionKey())
			.orElseThrow(() -> new ConflictException(
					"Task " + taskId + " (" + task.getTaskDefinitionKey() + ") has no outcomes this API knows"));
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (!name.equals(contract.outcomeVariable()) && value != null && !String.valueOf(value).isBlank()) {
				fields.put(name, String.valueOf(value));
			}
		});
		Object outcome = values.get(contract.outcomeVariable());
		complete(taskId, outcome == null ? null : String.valueOf(outcome), null, fields, actor);
	}

	/** Any task of a case the actor may see (to read it, being a candidate is not needed). */
	public WorkItem get(String taskId, Actor actor) {
		return view(List.of(actions.visibleTask(taskId, actor))).get(0);
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
		UserTaskContract contract = contracts.forTask(task.getTaskDefinitionKey())
			.orElseThrow(() -> new ConflictException(
					"Task " + taskId + " (" + task.getTaskDefinitionKey() + ") has no outcomes this API knows"));
		Map<String, Object> variables = rules.variables(contract, outcome, fields);
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

	private List<WorkItem> view(List<Task> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
			.processInstanceIds(new HashSet<>(instanceIds))
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, p -> p.getBusinessKey() == null ? "" : p.getBusinessKey()));
		Map<UUID, CaseSearch.CaseRef> cases = caseSearch.refs(businessKeys.values()
			.stream()
			.filter(key -> !key.isEmpty())
			.map(UUID::fromString)
			.collect(Collectors.toSet()));
		Map<String, List<String>> candidates = search.candidateGroups(found.stream().map(Task::getId).toList());
		Map<SlaBoard.TaskDue, io.casegrid.sla.ClockState> states = slaBoard.statesOfTasks(found.stream()
			.map(task -> new SlaBoard.TaskDue(task.getProcessInstanceId(),
					task.getDueDate() == null ? null : task.getDueDate().toInstant()))
			.toList());
		List<WorkItem> items = new ArrayList<>();
		for (Task task : found) {
			String key = businessKeys.getOrDefault(task.getProcessInstanceId(), "");
			UUID caseId = key.isEmpty() ? null : UUID.fromString(key);
			CaseSearch.CaseRef ref = caseId == null ? null : cases.get(caseId);
			String caseNumber = ref == null ? null : ref.caseNumber();
			List<String> groups = candidates.getOrDefault(task.getId(), List.of());
			boolean redo = ref != null && ref.redoCount() > 0;
			List<TaskOutcome> outcomes = contracts.forTask(task.getTaskDefinitionKey())
				.map(UserTaskContract::outcomes)
				.orElse(List.of());
			java.time.Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
			var state = states.get(new SlaBoard.TaskDue(task.getProcessInstanceId(), due));
			String slaState = state == null ? null : state.name();
			items.add(new WorkItem(task.getId(), caseId, caseNumber, task.getName(), task.getTaskDefinitionKey(),
					task.getCreateTime().toInstant(), due, slaState, task.getAssignee(), groups, redo,
					ref == null ? null : ref.priority(), outcomes));
		}
		return items;
	}

}
