package io.casegrid.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.TasksApi;
import io.casegrid.api.model.Outcome;
import io.casegrid.api.model.OutcomeFieldChoice;
import io.casegrid.api.model.Task;
import io.casegrid.api.model.TaskCompletion;
import io.casegrid.api.model.TaskPage;
import io.casegrid.casefile.TimeSource;
import io.casegrid.identity.PeopleNames;
import io.casegrid.process.form.FormField;
import io.casegrid.process.form.FormOutcome;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TasksController implements TasksApi {

	/** The most candidate groups a task shows (the contract's {@code maxItems}). */
	private static final int MAX_CANDIDATE_GROUPS = 50;

	private final WorkItems workItems;

	private final CurrentActor actor;

	private final PeopleNames names;

	private final TimeSource time;

	TasksController(WorkItems workItems, CurrentActor actor, PeopleNames names, TimeSource time) {
		this.workItems = workItems;
		this.actor = actor;
		this.names = names;
		this.time = time;
	}

	@Override
	public ResponseEntity<TaskPage> listTasks(UUID caseId, String candidateGroup, String assignee, String sort,
			Integer page, Integer size) {
		WorkItems.Page found = workItems.find(actor.get(), caseId, candidateGroup, assignee,
				TaskSearch.Order.fromParameter(sort, actor.get()), page, size);
		return ResponseEntity
			.ok(new TaskPage(found.items().stream().map(this::toView).toList(), page, size, found.total())
				.totalIsLowerBound(found.totalIsLowerBound()));
	}

	@Override
	public ResponseEntity<Task> getTask(String taskId) {
		return ResponseEntity.ok(toView(workItems.get(taskId, actor.get())));
	}

	@Override
	public ResponseEntity<Task> claimTask(String taskId) {
		return ResponseEntity.ok(toView(workItems.claim(taskId, actor.get())));
	}

	@Override
	public ResponseEntity<Task> unclaimTask(String taskId) {
		return ResponseEntity.ok(toView(workItems.unclaim(taskId, actor.get())));
	}

	@Override
	public ResponseEntity<Void> completeTask(String taskId, TaskCompletion completion) {
		workItems.complete(taskId, completion.getOutcome(), completion.getComment(), completion.getFields(),
				actor.get());
		return ResponseEntity.noContent().build();
	}

	/** A task as the API shows it; {@code remaining} is the server's own figure, so a device's wrong clock does not matter. */
	private Task toView(WorkItem item) {
		return new Task(item.id(), item.caseId(), item.name(), item.taskKey(), at(item.created()),
				item.candidateGroups().stream().limit(MAX_CANDIDATE_GROUPS).toList(),
				item.outcomes().stream().map(TasksController::toView).toList())
			.caseNumber(item.caseNumber())
			.due(at(item.due()))
			.remaining(item.due() == null ? null : Duration.between(time.now(), item.due()).toString())
			.slaState(item.slaState() == null ? null : io.casegrid.api.model.ClockState.fromValue(item.slaState()))
			.assignee(item.assignee())
			.assigneeName(names.orNull(item.assignee()))
			.redo(item.redo())
			.priority(item.priority() == null ? null : Task.PriorityEnum.fromValue(item.priority()));
	}

	private static Outcome toView(FormOutcome outcome) {
		return new Outcome(outcome.code(), outcome.label(),
				outcome.fields().stream().map(TasksController::toView).toList());
	}

	private static io.casegrid.api.model.OutcomeField toView(FormField field) {
		return new io.casegrid.api.model.OutcomeField(field.key(), field.label(),
				io.casegrid.api.model.OutcomeField.TypeEnum.fromValue(field.type().name()), field.required())
			.minLength(field.minLength())
			.maxLength(field.maxLength())
			.pattern(field.pattern())
			.minimum(field.min())
			.maximum(field.max())
			.options(field.options().isEmpty() ? null : field.options())
			.choices(field.choices().isEmpty() ? null
					: field.choices().stream().map(c -> new OutcomeFieldChoice(c.value(), c.label())).toList());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
