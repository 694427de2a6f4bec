package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineNote;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every row of {@code processes/sla-policy.dmn} is a clock some process starts: cases of every class (and a vulnerable
 * reporter's raised priority) are run through the six-step loop on the real engine, and the clocks they leave in
 * {@code sla_clock} are matched against the rows read from the file.
 */
class SlaPolicyProcessTests extends EngineTestSupport {

	/** A Tuesday, 10:00 in the county: office hours on a working day. */
	static final Instant TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@Autowired
	SlaClocks clocks;

	@BeforeEach
	void start() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
	}

	/** One row of the table: which class, phase and priorities it is for, and the limit it gives. */
	record PolicyRow(String id, String slaClass, String phase, String priorities, String limit, String counting) {

		boolean covers(String priority) {
			return priorities.isBlank() || priorities.contains("\"" + priority + "\"");
		}

	}

	/** A clock a case left, with the priority of its case. */
	record Started(String slaClass, String phase, String priority, String limit, String counting) {
	}

	@Test
	void everyRowOfTheSlaPolicyIsAClockThatAProcessStarts() {
		List<Started> started = new ArrayList<>();
		// 小事 in a grid (垃圾), auto-dispatched; 费时事 triage cannot place (OTHER), dispatched by hand; 复杂事 of a
		// department (违法建设) sent to 城管 and then taken up by the township; each through 签收, 办结, 反馈 and 回访
		started.addAll(throughTheLoop(reported("GARBAGE", "楼下垃圾堆积", false), true));
		started.addAll(throughTheLoop(reported("OTHER", "楼道灯坏了很久", false), false));
		started.addAll(throughTheLoop(reported("ILLEGAL_CONSTRUCTION", "楼顶违建", false), true));
		// a vulnerable reporter's raised priority: 飞线充电 (HIGH) becomes URGENT, OTHER (NORMAL) becomes HIGH
		started.addAll(dispatched(reported("FLY_WIRE_CHARGING", "飞线充电", true), true));
		started.addAll(dispatched(reported("OTHER", "楼道灯坏了很久", true), false));
		started.addAll(emergencyThroughTheLoop());

		List<PolicyRow> rows = policyRows();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
		assertThat(rows).allSatisfy(row -> assertThat(started)
			.as("a clock for row %s (%s / %s / priority %s → %s %s)", row.id(), row.slaClass(), row.phase(),
					row.priorities().isBlank() ? "any" : row.priorities(), row.limit(), row.counting())
			.anySatisfy(clock -> {
				assertThat(clock.slaClass()).isEqualTo(row.slaClass());
				assertThat(clock.phase()).isEqualTo(row.phase());
				assertThat(row.covers(clock.priority())).isTrue();
				assertThat(clock.limit()).isEqualTo(row.limit());
				assertThat(clock.counting()).isEqualTo(row.counting());
			}));
	}

	@Test
	void signingForTheDispatchedTaskMeetsItsSignForClockOnTheGrid() {
		Case c = reported("GARBAGE", "楼下垃圾堆积", false);
		runJobs(c);
		Task handle = handlingTask(c);
		SlaClock signFor = only(c, Phase.ACCEPTANCE);
		assertThat(signFor.unitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(signFor.level()).isEqualTo("GRID");
		assertThat(signFor.limit().iso()).isEqualTo("PT30M");
		assertThat(signFor.stateAt(clocks.now())).isEqualTo(ClockState.RUNNING);

		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plusSeconds(600)));
		engine.getTaskService().claim(handle.getId(), "grid-worker-1");

		SlaClock met = clocks.get(signFor.id());
		assertThat(met.stateAt(clocks.now())).isEqualTo(ClockState.MET);
		assertThat(met.stoppedAt()).isEqualTo(TUESDAY_10.plusSeconds(600));
		assertThat(only(c, Phase.HANDLING).stoppedAt()).as("办结 runs on").isNull();
	}

	@Test
	void anUnclaimedTaskPastItsSignForLimitIsOnTheBreachBoardAndStopsBreachedWhenWithdrawn() {
		Case c = reported("GARBAGE", "楼下垃圾堆积", false);
		runJobs(c);
		SlaClock signFor = only(c, Phase.ACCEPTANCE);
		ClockUtil.setCurrentTime(Date.from(signFor.dueAt().plusSeconds(60)));
		assertThat(clocks.get(signFor.id()).stateAt(clocks.now())).isEqualTo(ClockState.BREACHED);

		runtime.deleteProcessInstance(c.instance().getId(), "test: the case is withdrawn");

		SlaClock stopped = clocks.get(signFor.id());
		assertThat(stopped.stoppedAt()).isNotNull();
		assertThat(stopped.stateAt(clocks.now())).isEqualTo(ClockState.BREACHED);
	}

	@Test
	void manualDispatchRunsOnTheTownshipsDispatchClockUntilTheDispatcherDecides() {
		Case c = reported("OTHER", "楼道灯坏了很久", false);
		runJobs(c);
		SlaClock dispatch = only(c, Phase.DISPATCH);
		assertThat(dispatch.unitCode()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(dispatch.limit().iso()).isEqualTo("PT2H");
		assertThat(dispatch.stoppedAt()).isNull();

		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plusSeconds(1800)));
		complete(task(dispatchInstance(c)), withVariables(Vars.DISPATCH_OUTCOME, "DISPATCH", Vars.HANDLING_UNIT_CODE,
				DemoCounty.GRID_DONGGUAN_1));

		SlaClock met = clocks.get(dispatch.id());
		assertThat(met.stoppedAt()).isEqualTo(TUESDAY_10.plusSeconds(1800));
		assertThat(met.stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	@Test
	void resultSentMeetsTheFeedbackClockThatStartedAtResolution() {
		Case c = reported("GARBAGE", "楼下垃圾堆积", false);
		runJobs(c);
		resolve(c);
		SlaClock feedback = only(c, Phase.FEEDBACK);
		assertThat(feedback.unitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(feedback.stoppedAt()).as("the result is not sent yet").isNull();

		runJobs(c);

		assertThat(c.instance()).isWaitingAt(Ids.TASK_RETURN_VISIT);
		assertThat(clocks.get(feedback.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	@Test
	void returnVisitGoesToTheCommunityThatOwnsThePlaceOnItsOwnClock() {
		Case c = reported("GARBAGE", "楼下垃圾堆积", false);
		runJobs(c);
		resolve(c);
		runJobs(c);

		assertThat(task(c.instance())).hasCandidateGroup(DemoCounty.VILLAGE_DONGGUAN);
		SlaClock visit = only(c, Phase.RETURN_VISIT);
		assertThat(visit.unitCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(visit.level()).isEqualTo("VILLAGE");
		assertThat(visit.limit().iso()).isEqualTo("P3D");

		complete(task(c.instance()), withVariables(Vars.EVALUATION_SCORE, "SATISFIED"));
		assertThat(clocks.get(visit.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	@Test
	void complexMatterOwesAReplyWithinSevenNaturalDaysFromDispatchAndResolutionAnswersIt() {
		Case c = reported("ILLEGAL_CONSTRUCTION", "楼顶违建", false);
		runJobs(c);
		workedByItsDepartment(c);
		SlaClock reply = only(c, Phase.REPLY);
		assertThat(reply.limit()).isEqualTo(new SlaLimit("P7D", Counting.NATURAL));
		assertThat(reply.dueAt()).isEqualTo(TUESDAY_10.plusSeconds(7 * 24 * 3600));
		assertThat(clocks.ofCase(c.id())).as("the township's 办结 (not the department's) is not the 回音")
			.filteredOn(clock -> clock.phase() == Phase.HANDLING && clock.level().equals("TOWNSHIP"))
			.singleElement()
			.satisfies(handling -> assertThat(handling.limit()).isEqualTo(new SlaLimit("P15D", Counting.WORKING)));

		resolve(c);
		runJobs(c);

		assertThat(clocks.get(reply.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	@Test
	void smallMatterOwesNoSeparateReply() {
		Case c = reported("GARBAGE", "楼下垃圾堆积", false);
		runJobs(c);
		assertThat(clocks.ofCase(c.id())).extracting(SlaClock::phase)
			.doesNotContain(Phase.REPLY)
			.contains(Phase.DISPATCH, Phase.ACCEPTANCE, Phase.HANDLING);
	}

	@Test
	void vulnerableReportersUrgentSmallMatterHasTheShorterHandlingLimit() {
		Case c = reported("FLY_WIRE_CHARGING", "飞线充电", true);
		runJobs(c);
		assertThat(files.get(c.id()).priority()).isEqualTo("URGENT");
		assertThat(only(c, Phase.HANDLING).limit()).isEqualTo(new SlaLimit("PT1H", Counting.WORKING));
	}

	@Test
	void emergencyAcknowledgementAndHandlingRunOnClocksOfTheirPhase() {
		UUID id = UUID.randomUUID();
		ProcessInstance lifecycle = report(id, Channel.HOTLINE_12345, "GAS_LEAK", "燃气泄漏", "3号楼燃气管道泄漏",
				DONGGUAN_BUILDING_3, TUESDAY_10);
		Case c = new Case(id, lifecycle);
		runJobs(c);
		ProcessInstance emergency = instanceOf("EmergencyDirectReport", id);
		SlaClock acknowledgement = only(c, Phase.ACCEPTANCE);
		assertThat(acknowledgement.limit()).isEqualTo(new SlaLimit("PT15M", Counting.NATURAL));
		assertThat(acknowledgement.level()).isEqualTo("COUNTY");
		Job realert = management.createJobQuery().processInstanceId(emergency.getId()).timers().singleResult();
		assertThat(realert.getDuedate().toInstant()).as("the re-alert fires when the 接报 clock is due")
			.isEqualTo(acknowledgement.dueAt());

		complete(task(emergency), withVariables("acknowledgeOutcome", "ACKNOWLEDGED", "commandNote", "已调度"));
		assertThat(clocks.get(acknowledgement.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		SlaClock handling = only(c, Phase.HANDLING);
		assertThat(handling.limit()).isEqualTo(new SlaLimit("PT1H", Counting.NATURAL));

		complete(task(emergency), withVariables("emergencyOutcome", "RESOLVED", "resolution", "关阀抢修"));
		assertThat(clocks.get(handling.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	private record Case(UUID id, ProcessInstance instance) {
	}

	/** Reported in 东关社区第一网格, by a resident registered as 独居老人 when {@code vulnerable}. */
	private Case reported(String category, String description, boolean vulnerable) {
		UUID id = UUID.randomUUID();
		CaseFile file = CaseFile.reported(id, "T-" + id.toString().substring(0, 8), Channel.GRID_REPORT, null,
				category, description, description, DONGGUAN_BUILDING_3, null, null, TUESDAY_10);
		if (vulnerable) {
			file.tagReporter(Set.of("LIVING_ALONE_ELDERLY"), true);
		}
		files.open(file, List.of(), "test", TimelineNote.of("REPORTED", "问题上报"));
		processes.start(file, "test");
		return new Case(id, instanceOf(CaseLifecycleProcess.PROCESS_KEY, id));
	}

	/** Filed and dispatched (by place, or by the dispatcher to the grid): the handling unit has its task. */
	private List<Started> dispatched(Case c, boolean byPlace) {
		runJobs(c);
		if (!byPlace) {
			complete(task(dispatchInstance(c)), withVariables(Vars.DISPATCH_OUTCOME, "DISPATCH",
					Vars.HANDLING_UNIT_CODE, DemoCounty.GRID_DONGGUAN_1));
		}
		workedByItsDepartment(c);
		assertThat(handlingTask(c)).isNotNull();
		return startedBy(c);
	}

	private List<Started> throughTheLoop(Case c, boolean byPlace) {
		dispatched(c, byPlace);
		resolve(c);
		runJobs(c);
		assertThat(c.instance()).isWaitingAt(Ids.TASK_RETURN_VISIT);
		complete(task(c.instance()), withVariables(Vars.EVALUATION_SCORE, "SATISFIED"));
		runJobs(c);
		assertThat(c.instance()).isEnded();
		return startedBy(c);
	}

	private List<Started> emergencyThroughTheLoop() {
		UUID id = UUID.randomUUID();
		Case c = new Case(id, report(id, Channel.HOTLINE_12345, "GAS_LEAK", "燃气泄漏", "3号楼燃气管道泄漏",
				DONGGUAN_BUILDING_3, TUESDAY_10));
		runJobs(c);
		ProcessInstance emergency = instanceOf("EmergencyDirectReport", id);
		complete(task(emergency), withVariables("acknowledgeOutcome", "ACKNOWLEDGED", "commandNote", "已调度"));
		complete(task(emergency), withVariables("emergencyOutcome", "RESOLVED", "resolution", "关阀抢修"));
		runJobs(c);
		complete(task(c.instance()), withVariables(Vars.EVALUATION_SCORE, "SATISFIED"));
		runJobs(c);
		assertThat(c.instance()).isEnded();
		return startedBy(c);
	}

	/**
	 * A department matter goes to the county's department of its kind first (研判派发): it reports for it (报到) and
	 * reports back, then the township takes it up. Nothing happens for a case no department was called to.
	 */
	private void workedByItsDepartment(Case c) {
		Task acknowledge = openTask(c, "Task_Acknowledge");
		if (acknowledge == null) {
			return;
		}
		engine.getTaskService().complete(acknowledge.getId(), withVariables("acknowledgeOutcome", "ACKNOWLEDGE"));
		engine.getTaskService().complete(openTask(c, "Task_DepartmentHandle").getId(),
				withVariables("departmentOutcome", "REPORTED", "reportSummary", "已现场核查处理"));
	}

	private Task openTask(Case c, String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(c.id().toString())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void resolve(Case c) {
		Task handle = handlingTask(c);
		engine.getTaskService().claim(handle.getId(), "handler-1");
		engine.getTaskService().complete(handle.getId(),
				org.camunda.bpm.engine.variable.Variables.createVariables()
					.putValue(Vars.HANDLING_OUTCOME, "RESOLVED")
					.putValue("resolution", "已处理"));
	}

	private Task handlingTask(Case c) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(c.id().toString())
			.taskDefinitionKey("Task_HandleAtLevel")
			.singleResult();
	}

	private ProcessInstance dispatchInstance(Case c) {
		return instanceOf(CaseLifecycleProcess.DISPATCH_PROCESS_KEY, c.id());
	}

	/** Runs the case's async steps (not its timers), as the job executor would. */
	private void runJobs(Case c) {
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = new ArrayList<>();
			runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(c.id().toString())
				.list()
				.forEach(instance -> jobs.addAll(management.createJobQuery()
					.processInstanceId(instance.getId())
					.messages()
					.executable()
					.list()));
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

	private SlaClock only(Case c, Phase phase) {
		List<SlaClock> ofPhase = clocks.ofCase(c.id()).stream().filter(clock -> clock.phase() == phase).toList();
		assertThat(ofPhase).as("clocks of phase " + phase).hasSize(1);
		return ofPhase.get(0);
	}

	private List<Started> startedBy(Case c) {
		String priority = files.get(c.id()).priority();
		return clocks.ofCase(c.id())
			.stream()
			.map(clock -> new Started(clock.slaClass(), clock.phase().name(), priority, clock.limit().iso(),
					clock.limit().counting().name()))
			.toList();
	}

	/** The rows as {@code sla-policy.dmn} states them: class, phase, priority; limit, counting. */
	private static List<PolicyRow> policyRows() {
		var model = Dmn.readModelFromFile(new File("processes/sla-policy.dmn"));
		return model.getModelElementsByType(Rule.class).stream().map(rule -> {
			List<String> in = rule.getInputEntries().stream().map(e -> e.getText().getTextContent().trim()).toList();
			List<String> out = rule.getOutputEntries()
				.stream()
				.map(e -> e.getText().getTextContent().trim().replace("\"", ""))
				.toList();
			return new PolicyRow(rule.getId(), in.get(0).replace("\"", ""), in.get(1).replace("\"", ""), in.get(2),
					out.get(0), out.get(1));
		}).toList();
	}

}
