package io.casegrid.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import io.casegrid.casefile.TimeSource;
import io.casegrid.deployment.ProcessMigration.Instruction;
import io.casegrid.process.EngineUser;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the running instances of one version of a process to another: the designer's tool, as Cockpit's migration UI
 * is not in the community edition. The plan maps every activity whose id is equal in both versions and then the
 * designer's own mappings; every event's trigger is re-evaluated in the target version, so a timer that moved keeps
 * its due time (read from the variable the product's SLA clock keeps). A plan that Camunda refuses, or that would drop
 * a timer that still has jobs pending (an SLA clock would lose its timer), is {@link MigrationPlanInvalid}. The
 * migration runs as a Camunda batch; {@link MigratedInstanceClocks} binds each moved instance's clocks to the
 * timers' new ids as the instance moves.
 */
@Service
public class ProcessMigrations {

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final ProcessMigrationRepository migrations;

	private final EngineUser engineUser;

	private final TimeSource time;

	ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
			ProcessMigrationRepository migrations, EngineUser engineUser, TimeSource time) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.migrations = migrations;
		this.engineUser = engineUser;
		this.time = time;
	}

	/** What the designer asks for: the process, the two versions, and mappings beyond the equal ids. */
	public record Request(String process, int fromVersion, int toVersion, Map<String, String> mappings) {
	}

	/** A checked plan and the instances it moves (or would move, in a dry run). */
	public record Plan(String process, int fromVersion, int toVersion, String sourceDefinitionId,
			String targetDefinitionId, List<Instruction> instructions, long instances) {
	}

	/**
	 * The dry run: the checked plan and the instances it would move; nothing moves.
	 *
	 * @throws NotFoundException no such process or version
	 * @throws MigrationPlanInvalid the plan has problems (each instruction's listed)
	 * @throws ConflictException the versions are equal
	 */
	public Plan dryRun(Request request) {
		return check(request, definition(request.process(), request.fromVersion()),
				definition(request.process(), request.toVersion()));
	}

	/**
	 * Checks the plan and starts the batch that moves the instances.
	 *
	 * @throws NotFoundException no such process or version
	 * @throws MigrationPlanInvalid the plan has problems (each instruction's listed)
	 * @throws ConflictException the versions are equal, nothing runs on the source version, or a migration of the
	 * process has not finished (still running, or failed instances wait)
	 */
	@Transactional
	public ProcessMigration start(Request request, String actor) {
		ProcessDefinition source = definition(request.process(), request.fromVersion());
		ProcessDefinition target = definition(request.process(), request.toVersion());
		Plan plan = check(request, source, target);
		if (plan.instances() == 0) {
			throw new ConflictException("No instance of " + request.process() + " runs on version "
					+ request.fromVersion() + ": nothing to migrate");
		}
		migrations.findByProcessKey(request.process()).forEach(earlier -> {
			if (progress(earlier).state() != State.COMPLETED) {
				throw new ConflictException("Migration " + earlier.id() + " of " + request.process()
						+ " has not finished (batch " + earlier.batchId() + ")");
			}
		});
		Batch batch = engineUser.runAs(actor, () -> runtime.newMigration(build(request, source, target))
			.processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
			.executeAsync());
		return migrations.save(ProcessMigration.started(plan, batch.getId(), actor, time.now()));
	}

	/**
	 * The migration with its progress: from its batch while that runs (a failed instance's job stays, retries used
	 * up); once the batch is gone, every instance moved.
	 */
	public Progress get(UUID id) {
		return progress(migrations.findById(id).orElseThrow(() -> new NotFoundException("Migration", id)));
	}

	/** The batch's monitor job removes a finished batch only at its next poll: no job left also means done. */
	private Progress progress(ProcessMigration migration) {
		BatchStatistics batch = management.createBatchStatisticsQuery()
			.batchId(migration.batchId())
			.singleResult();
		if (batch == null || batch.getRemainingJobs() == 0) {
			return new Progress(migration, State.COMPLETED, migration.instances(), 0);
		}
		long perJob = Math.max(1, batch.getInvocationsPerBatchJob());
		long migrated = Math.min(migration.instances(), batch.getCompletedJobs() * perJob);
		long failed = Math.min(migration.instances() - migrated, batch.getFailedJobs() * perJob);
		State state = batch.getFailedJobs() > 0 && batch.getFailedJobs() == batch.getRemainingJobs() ? State.FAILED
				: State.RUNNING;
		return new Progress(migration, state, migrated, failed);
	}

	public enum State {

		RUNNING, FAILED, COMPLETED

	}

	/** A migration and how far it got: instances migrated and failed (retries used up) so far. */
	public record Progress(ProcessMigration migration, State state, long migrated, long failed) {
	}

	private Plan check(Request request, ProcessDefinition source, ProcessDefinition target) {
		if (source.getId().equals(target.getId())) {
			throw new ConflictException("Version " + request.fromVersion() + " cannot be migrated to itself");
		}
		MigrationPlan built;
		try {
			built = build(request, source, target);
		}
		catch (MigrationPlanValidationException ex) {
			throw MigrationPlanInvalid.of(ex.getValidationReport());
		}
		Set<String> explicit = request.mappings().keySet();
		List<Instruction> instructions = built.getInstructions()
			.stream()
			.map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId(),
					!explicit.contains(i.getSourceActivityId()), i.isUpdateEventTrigger()))
			.toList();
		List<MigrationPlanInvalid.InstructionProblem> dropped = droppedTimers(source, instructions);
		if (!dropped.isEmpty()) {
			throw new MigrationPlanInvalid(dropped);
		}
		long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
		return new Plan(request.process(), request.fromVersion(), request.toVersion(), source.getId(),
				target.getId(), instructions, instances);
	}

	private MigrationPlan build(Request request, ProcessDefinition source, ProcessDefinition target) {
		MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
		builder.mapEqualActivities().updateEventTriggers();
		var model = repository.getBpmnModelInstance(source.getId());
		request.mappings().forEach((from, to) -> {
			var instruction = builder.mapActivities(from, to);
			if (hasEventTrigger(model.getModelElementById(from))) {
				instruction.updateEventTrigger();
			}
		});
		return builder.build();
	}

	/** A catch event with a timer, message, signal or condition: its trigger can be evaluated anew. */
	private static boolean hasEventTrigger(ModelElementInstance element) {
		return element instanceof CatchEvent event && !event.getEventDefinitions().isEmpty();
	}

	/**
	 * The timers of the source version that still have pending jobs but that no instruction maps: migrating would
	 * delete their jobs, and the SLA clocks bound to them would never fire again.
	 */
	private List<MigrationPlanInvalid.InstructionProblem> droppedTimers(ProcessDefinition source,
			List<Instruction> instructions) {
		Set<String> mapped = instructions.stream().map(Instruction::from).collect(Collectors.toSet());
		Map<String, Long> pending = new LinkedHashMap<>();
		for (JobDefinition timer : management.createJobDefinitionQuery()
			.processDefinitionId(source.getId())
			.list()) {
			if (timer.getJobType().startsWith("timer") && !mapped.contains(timer.getActivityId())) {
				long jobs = management.createJobQuery().jobDefinitionId(timer.getId()).count();
				if (jobs > 0) {
					pending.merge(timer.getActivityId(), jobs, Long::sum);
				}
			}
		}
		List<MigrationPlanInvalid.InstructionProblem> problems = new ArrayList<>();
		pending.forEach((activity, jobs) -> problems.add(new MigrationPlanInvalid.InstructionProblem(activity, null,
				List.of("计时器 " + activity + " 还有 " + jobs + " 个待触发的定时作业，迁移计划必须映射它（否则时限时钟会丢失计时器）"
						+ " / timer " + activity + " has " + jobs
						+ " pending jobs; the plan must map it (or SLA clocks would lose their timer)"))));
		return problems;
	}

	private ProcessDefinition definition(String key, int version) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new NotFoundException("Process version", key + ":" + version);
		}
		return definition;
	}

	/** The instruction a moved timer follows, for {@link MigratedInstanceClocks}. */
	static Map<String, String> movedActivities(List<Instruction> instructions) {
		Map<String, String> moved = new LinkedHashMap<>();
		for (Instruction instruction : instructions) {
			if (!instruction.from().equals(instruction.to())) {
				moved.put(instruction.from(), instruction.to());
			}
		}
		return moved;
	}

}
