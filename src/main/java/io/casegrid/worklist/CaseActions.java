package io.casegrid.worklist;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseVisibility;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.ForbiddenException;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The one authorization path for acting on a case: claiming, completing, escalating (上报), whistling (吹哨), pausing
 * its clocks, recording a mediation session, replying to a supervision order, relaying an evaluation. Every action
 * belongs to a task (or, for a supervision order, to the unit a task would be for), and only who may work that task
 * may act:
 * <ul>
 * <li>who may not see the case gets 404, as if it did not exist ({@link CaseVisibility});</li>
 * <li>who sees it but is neither the task's assignee nor one of its candidates ({@link CandidateGroups}) gets 403;</li>
 * <li>a candidate of a task someone else has claimed gets 409 (the holder must give it back first);</li>
 * <li>a case without an open task for the action gets 409.</li>
 * </ul>
 * Controllers call this, never a variant of their own.
 */
@Service
public class CaseActions {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CaseVisibility visibility;

	private final CandidateGroups candidateGroups;

	CaseActions(TaskService tasks, RuntimeService runtime, CaseVisibility visibility, CandidateGroups candidateGroups) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.visibility = visibility;
		this.candidateGroups = candidateGroups;
	}

	/**
	 * The task, if the actor may see its case (to read it, being a candidate is not needed); otherwise 404. A task of
	 * no case (the monthly 专报's review) is visible only to who may work it: its assignee and candidates.
	 */
	public Task visibleTask(String taskId, Actor actor) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new NotFoundException("Task", taskId);
		}
		UUID caseId = caseIdOf(task);
		if (caseId == null ? !holds(task, actor) : !visibility.isVisible(caseId, actor)) {
			throw new NotFoundException("Task", taskId);
		}
		if (task.isSuspended()) {
			throw new ConflictException("Task " + taskId + " is suspended");
		}
		return task;
	}

	/** The task, if the actor may take it: they see its case and are its assignee or one of its candidates. */
	public Task taskToClaim(String taskId, Actor actor) {
		Task task = visibleTask(taskId, actor);
		if (!holds(task, actor)) {
			throw new ForbiddenException("You are not a candidate of task " + taskId + " (" + task.getName() + ")");
		}
		return task;
	}

	/** The task, if the actor may work it now: as {@link #taskToClaim}, and nobody else has claimed it. */
	public Task taskToWork(String taskId, Actor actor) {
		Task task = taskToClaim(taskId, actor);
		requireNotClaimedByOthers(task, actor);
		return task;
	}

	/**
	 * The case's open task (one of {@code taskKeys}) that the action belongs to, if the actor may work it: 404 unless
	 * they see the case, 409 when no such task is open, 403 unless they are its assignee or candidate, 409 when
	 * someone else has claimed it. Of several open tasks (the three heads' opinions) the actor's own is taken.
	 */
	public Task openTaskToWork(UUID caseId, Actor actor, String... taskKeys) {
		visibility.requireVisible(caseId, actor);
		List<Task> open = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId.toString())
			.taskDefinitionKeyIn(taskKeys)
			.active()
			.list();
		if (open.isEmpty()) {
			throw new ConflictException("Case " + caseId + " has no open task " + String.join(" or ", taskKeys)
					+ " that this action belongs to");
		}
		List<Task> held = open.stream().filter(task -> holds(task, actor)).toList();
		if (held.isEmpty()) {
			throw new ForbiddenException("You are not a candidate of the open task " + open.get(0).getName()
					+ " of case " + caseId);
		}
		return held.stream()
			.filter(task -> task.getAssignee() == null || task.getAssignee().equals(actor.id()))
			.findFirst()
			.orElseGet(() -> {
				requireNotClaimedByOthers(held.get(0), actor);
				return held.get(0);
			});
	}

	/**
	 * For adding to the case file what is neither a task's outcome nor addressed to a unit (a photo, a document): 404
	 * unless the actor sees the case; then who reported the case, or who may work one of its open tasks (its assignee,
	 * or one of its candidates while nobody has claimed it); 403 for everybody else.
	 */
	public void requireReporterOrHolder(UUID caseId, Actor actor) {
		visibility.requireVisible(caseId, actor);
		if (visibility.reportedBy(caseId, actor)) {
			return;
		}
		boolean holder = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId.toString())
			.active()
			.list()
			.stream()
			.anyMatch(task -> holds(task, actor)
					&& (task.getAssignee() == null || task.getAssignee().equals(actor.id())));
		if (!holder) {
			throw new ForbiddenException("You neither reported case " + caseId + " nor may work one of its open tasks");
		}
	}

	/**
	 * For what the resident says through the app they reported with (an evaluation): that app, on its own reports
	 * (the only cases it sees), speaks for the resident; staff act only as holders of the open task ({@link
	 * #openTaskToWork}).
	 */
	public void requireReportingAppOrOpenTaskToWork(UUID caseId, Actor actor, String... taskKeys) {
		if (actor.isApp()) {
			visibility.requireVisible(caseId, actor);
			return;
		}
		openTaskToWork(caseId, actor, taskKeys);
	}

	/**
	 * For an action on something of a case addressed to a unit rather than to a task (a supervision order to a
	 * department): 404 ({@code hidden}, the same answer as for a missing one) unless the actor sees the case, 403
	 * unless the unit's tasks are theirs to work.
	 */
	public void requireWorksFor(UUID caseId, String candidateGroup, Actor actor,
			Supplier<NotFoundException> hidden) {
		requireWorksForOneOf(caseId, List.of(candidateGroup), actor, hidden);
	}

	/**
	 * As {@link #requireWorksFor}, for something any of several units may do (a whistle judged by the township of the
	 * case's place or by the county centre): 403 unless the actor works for one of them.
	 */
	public void requireWorksForOneOf(UUID caseId, List<String> candidateGroups, Actor actor,
			Supplier<NotFoundException> hidden) {
		if (!visibility.isVisible(caseId, actor)) {
			throw hidden.get();
		}
		Set<String> mine = this.candidateGroups.of(actor);
		if (candidateGroups.stream().noneMatch(mine::contains)) {
			throw new ForbiddenException("You do not work for " + String.join(" or ", candidateGroups) + " on case "
					+ caseId);
		}
	}

	private boolean holds(Task task, Actor actor) {
		if (actor.id().equals(task.getAssignee())) {
			return true;
		}
		Set<String> mine = candidateGroups.of(actor);
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch(link -> actor.id().equals(link.getUserId()) || mine.contains(link.getGroupId()));
	}

	private static void requireNotClaimedByOthers(Task task, Actor actor) {
		if (task.getAssignee() != null && !task.getAssignee().equals(actor.id())) {
			throw new ConflictException("Task " + task.getId() + " is claimed by someone else");
		}
	}

	/** The case a task belongs to (its process instance's business key), or null for a task of no case. */
	UUID caseIdOf(Task task) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		String key = instance == null ? null : instance.getBusinessKey();
		return key == null || key.isEmpty() ? null : UUID.fromString(key);
	}

}
