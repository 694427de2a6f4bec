package io.casegrid.deployment;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.api.MigrationsApi;
import io.casegrid.api.model.Migration;
import io.casegrid.api.model.MigrationInstruction;
import io.casegrid.api.model.MigrationMapping;
import io.casegrid.api.model.MigrationRequest;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.web.ProblemType;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProcessMigrationsController implements MigrationsApi {

	private final ProcessMigrations migrations;

	private final CurrentActor actor;

	ProcessMigrationsController(ProcessMigrations migrations, CurrentActor actor) {
		this.migrations = migrations;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<Migration> createMigration(MigrationRequest request) {
		var command = new ProcessMigrations.Request(request.getProcess(), request.getFromVersion(),
				request.getToVersion(), mappings(request.getMappings()));
		if (Boolean.TRUE.equals(request.getDryRun())) {
			return ResponseEntity.ok(view(migrations.dryRun(command)));
		}
		ProcessMigration started = migrations.start(command, actor.get().id());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/admin/migrations/" + started.id()))
			.body(view(migrations.get(started.id())));
	}

	@Override
	public ResponseEntity<Migration> getMigration(UUID migrationId) {
		return ResponseEntity.ok(view(migrations.get(migrationId)));
	}

	@ExceptionHandler(MigrationPlanInvalid.class)
	ResponseEntity<ProblemDetail> invalidPlan(MigrationPlanInvalid ex) {
		ProblemDetail problem = ProblemType.VALIDATION.problem(HttpStatus.BAD_REQUEST,
				"迁移计划无效 / the migration plan is invalid: " + ex.problems().size() + " instruction(s) with problems");
		problem.setProperty("instructions", ex.problems().stream().map(p -> {
			Map<String, Object> instruction = new LinkedHashMap<>();
			instruction.put("from", p.from());
			instruction.put("to", p.to());
			instruction.put("failures", p.failures());
			return instruction;
		}).toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The designer's mappings by source activity; one source mapped twice is refused, naming the second. */
	private static Map<String, String> mappings(List<MigrationMapping> given) {
		Map<String, String> mappings = new LinkedHashMap<>();
		if (given == null) {
			return mappings;
		}
		for (int i = 0; i < given.size(); i++) {
			if (mappings.putIfAbsent(given.get(i).getFrom(), given.get(i).getTo()) != null) {
				throw new InvalidRequestException("mappings[" + i + "].from",
						given.get(i).getFrom() + " is mapped more than once");
			}
		}
		return mappings;
	}

	private static Migration view(ProcessMigrations.Plan plan) {
		return new Migration(plan.process(), plan.fromVersion(), plan.toVersion(), plan.sourceDefinitionId(),
				plan.targetDefinitionId(), instructions(plan.instructions()), plan.instances(), true);
	}

	private static Migration view(ProcessMigrations.Progress progress) {
		ProcessMigration m = progress.migration();
		return new Migration(m.processKey(), m.fromVersion(), m.toVersion(), m.sourceDefinitionId(),
				m.targetDefinitionId(), instructions(m.instructions()), m.instances(), false)
			.id(m.id())
			.batchId(m.batchId())
			.state(Migration.StateEnum.fromValue(progress.state().name()))
			.migrated(progress.migrated())
			.failed(progress.failed())
			.requestedBy(m.requestedBy())
			.requestedAt(m.requestedAt().atOffset(ZoneOffset.UTC));
	}

	private static List<MigrationInstruction> instructions(List<ProcessMigration.Instruction> instructions) {
		return instructions.stream()
			.map(i -> new MigrationInstruction(i.from(), i.to(), i.generated(), i.updateEventTrigger()))
			.toList();
	}

}
