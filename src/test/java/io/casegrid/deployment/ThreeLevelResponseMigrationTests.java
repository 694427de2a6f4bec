package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.Channel;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running cases of {@code three-level-response.bpmn} moved to a new version of it through {@link ProcessMigrations}
 * (the service behind {@code POST /api/v1/admin/migrations}), its batch executed here (job executor off): every case
 * continues on the new version, and its SLA clocks and escalation timers fire when the clocks say. The versions
 * deployed here are deleted afterwards, with the cases moved onto them, so that later tests start on the product's.
 */
class ThreeLevelResponseMigrationTests extends EngineTestSupport {

	/** A Tuesday, 10:00 in the county: office hours on a working day. */
	static final Instant TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	static final String CONFIRM_CLOSURE = "Task_ConfirmClosure";

	static final String LEVEL_WARNING_V2 = "BoundaryEvent_LevelWarning";

	@Autowired
	ProcessMigrations migrations;

	@Autowired
	SlaClocks clocks;

	@Autowired
	RepositoryService repository;

	private final List<String> deployments = new ArrayList<>();

	private final List<ProcessInstance> lifecycles = new ArrayList<>();

	@BeforeEach
	void tuesdayMorning() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
	}

	@AfterEach
	void deleteTheCasesAndTheVersionsDeployedHere() {
		lifecycles.forEach(lifecycle -> {
			if (runtime.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).count() > 0) {
				runtime.deleteProcessInstance(lifecycle.getId(), "test over", true);
			}
		});
		deployments.forEach(id -> repository.deleteDeployment(id, true, true));
	}

	@Test
	void hundredRunningCasesMoveToTheVersionWithAnAddedStepAndTheirClocksAndTimersFireAfterwards() {
		int v1 = latestVersion();
		List<ProcessInstance> handlings = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			handlings.add(dispatchedToTheGrid());
		}
		SlaClock gridClock = currentClock(handlings.get(0));
		int v2 = deploy(withConfirmationStep(productDiagram()));

		ProcessMigration migration = migrations.start(new ProcessMigrations.Request(
				ThreeLevelResponseProcess.PROCESS_KEY, v1, v2, Map.of()), "designer");
		runBatch(migration.batchId());

		assertThat(migration.instances()).isGreaterThanOrEqualTo(100);
		assertThat(migrations.get(migration.id()).migrated()).isGreaterThanOrEqualTo(100);
		String target = migration.targetDefinitionId();
		for (ProcessInstance handling : handlings) {
			assertThat(definitionOf(handling)).isEqualTo(target);
			assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL);
			SlaClock clock = currentClock(handling);
			assertThat(clock.timers().dueTimer()).isEqualTo(Ids.TIMER_HANDLE_BREACH);
			assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(clock.dueAt());
			assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isEqualTo(clock.warnAt());
		}

		ClockUtil.setCurrentTime(Date.from(gridClock.warnAt().plusSeconds(1)));
		handlings.forEach(handling -> execute(timer(handling, Ids.TIMER_HANDLE_WARNING)));
		ClockUtil.setCurrentTime(Date.from(gridClock.dueAt().plusSeconds(1)));
		handlings.forEach(handling -> execute(timer(handling, Ids.TIMER_HANDLE_BREACH)));

		for (ProcessInstance handling : handlings) {
			UUID caseId = UUID.fromString(handling.getBusinessKey());
			List<SlaClock> levels = clocks.ofCase(caseId).stream().filter(c -> c.timers() != null
					&& handling.getId().equals(c.timers().processInstanceId())).toList();
			assertThat(levels).extracting(SlaClock::level).containsExactly("GRID", "TOWNSHIP");
			assertThat(levels.get(0).warnedAt()).isEqualTo(gridClock.warnAt().plusSeconds(1));
			assertThat(levels.get(0).stateAt(clocks.now())).isEqualTo(ClockState.BREACHED);
			SlaClock township = levels.get(1);
			assertThat(township.startedAt()).isEqualTo(gridClock.dueAt().plusSeconds(1));
			assertThat(township.stateAt(clocks.now())).isEqualTo(ClockState.RUNNING);
			assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(township.dueAt());
			assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL).hasPassed(Ids.TASK_WARN_HANDLER,
					Ids.TASK_ESCALATE_ON_BREACH);
			assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);

			complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED",
					"resolution", "街道协调拆除飞线"));
			assertThat(handling).isWaitingAt(CONFIRM_CLOSURE);
			complete(task(handling));
			assertThat(handling).isEnded();
			assertThat(clocks.get(township.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		}
	}

	@Test
	void aClockWhoseTimerTheNewVersionRenamedIsBoundToTheNewIdAndMovesIt() {
		int v1 = latestVersion();
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);
		int v2 = deploy(productDiagram().replace(Ids.TIMER_HANDLE_WARNING, LEVEL_WARNING_V2));

		ProcessMigration migration = migrations.start(new ProcessMigrations.Request(
				ThreeLevelResponseProcess.PROCESS_KEY, v1, v2, Map.of(Ids.TIMER_HANDLE_WARNING, LEVEL_WARNING_V2)),
				"designer");
		runBatch(migration.batchId());

		assertThat(migration.instructions()).contains(new ProcessMigration.Instruction(Ids.TIMER_HANDLE_WARNING,
				LEVEL_WARNING_V2, false, true));
		assertThat(clocks.get(grid.id()).timers().warnTimer()).isEqualTo(LEVEL_WARNING_V2);
		assertThat(timer(handling, LEVEL_WARNING_V2).getDuedate().toInstant()).isEqualTo(grid.warnAt());

		SlaClock extended = clocks.extend(grid.id(), java.time.Duration.ofHours(7), "需协调供电公司", "township-lead");

		assertThat(extended.warnAt()).isAfter(grid.warnAt());
		assertThat(timer(handling, LEVEL_WARNING_V2).getDuedate().toInstant()).isEqualTo(extended.warnAt());
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(extended.dueAt());
	}

	/**
	 * Executes the batch's seed, migration and monitor jobs once each, as the job executor would. Instances that other
	 * tests of this context left on the version migrate too; one that cannot would stay behind with its failed job.
	 */
	private void runBatch(String batchId) {
		Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
		List<Job> seeds;
		while (!(seeds = jobsOf(batch.getSeedJobDefinitionId())).isEmpty()) {
			seeds.forEach(seed -> management.executeJob(seed.getId()));
		}
		for (Job migrationJob : jobsOf(batch.getBatchJobDefinitionId())) {
			try {
				management.executeJob(migrationJob.getId());
			}
			catch (RuntimeException ex) {
				// stays with its exception and fewer retries, counted as the batch's
			}
		}
		jobsOf(batch.getMonitorJobDefinitionId()).forEach(monitor -> management.executeJob(monitor.getId()));
	}

	private List<Job> jobsOf(String jobDefinitionId) {
		return management.createJobQuery().jobDefinitionId(jobDefinitionId).list();
	}

	private int latestVersion() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(ThreeLevelResponseProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	private int deploy(String bpmn) {
		String id = repository.createDeployment()
			.name("three-level-response v2 (test)")
			.addString("three-level-response.bpmn", bpmn)
			.deploy()
			.getId();
		deployments.add(id);
		return repository.createProcessDefinitionQuery().deploymentId(id).singleResult().getVersion();
	}

	private static String productDiagram() {
		try (InputStream in = ThreeLevelResponseMigrationTests.class
			.getResourceAsStream("/processes/three-level-response.bpmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Version 2: a resolved or returned case is confirmed (核实办结) before the level's handling ends. */
	private static String withConfirmationStep(String diagram) {
		String flowDone = "sourceRef=\"Gateway_AfterLevel\" targetRef=\"EndEvent_Handled\"";
		assertThat(diagram).contains(flowDone, "<bpmn:incoming>Flow_Done</bpmn:incoming>");
		return diagram.replace(flowDone, "sourceRef=\"Gateway_AfterLevel\" targetRef=\"" + CONFIRM_CLOSURE + "\"")
			.replace("<bpmn:incoming>Flow_Done</bpmn:incoming>", "<bpmn:incoming>Flow_Confirmed</bpmn:incoming>")
			.replace("</bpmn:process>", """
					<bpmn:userTask id="%s" name="核实办结" camunda:candidateGroups="${levelGroup}"
					    camunda:formRef="Form_HandleAtLevel" camunda:formRefBinding="latest">
					  <bpmn:incoming>Flow_Done</bpmn:incoming>
					  <bpmn:outgoing>Flow_Confirmed</bpmn:outgoing>
					</bpmn:userTask>
					<bpmn:sequenceFlow id="Flow_Confirmed" sourceRef="%1$s" targetRef="EndEvent_Handled" />
					</bpmn:process>""".formatted(CONFIRM_CLOSURE));
	}

	private String definitionOf(ProcessInstance handling) {
		return runtime.createProcessInstanceQuery().processInstanceId(handling.getId()).singleResult()
			.getProcessDefinitionId();
	}

	private SlaClock currentClock(ProcessInstance handling) {
		return clocks.get(UUID.fromString((String) runtime.getVariable(handling.getId(), Vars.SLA_CLOCK_ID)));
	}

	private Job timer(ProcessInstance handling, String activityId) {
		return management.createJobQuery()
			.processInstanceId(handling.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	/** Reported in 东关社区第一网格, filed and dispatched to that grid: the three-level response has begun. */
	private ProcessInstance dispatchedToTheGrid() {
		ProcessInstance lifecycle = report(UUID.randomUUID(), Channel.GRID_REPORT, "OTHER", "其他：飞线充电",
				"3号楼飞线充电", DONGGUAN_BUILDING_3, TUESDAY_10);
		lifecycles.add(lifecycle);
		execute(job(lifecycle));
		complete(task(calledProcessInstance(lifecycle)), withVariables(CaseLifecycleProcess.Vars.DISPATCH_OUTCOME,
				"DISPATCH", CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE, DemoCounty.GRID_DONGGUAN_1));
		return calledProcessInstance(lifecycle);
	}

}
