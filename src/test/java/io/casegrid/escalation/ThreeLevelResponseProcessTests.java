package io.casegrid.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.calendar.DueDateCalculator;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code three-level-response.bpmn} on the real engine: the engine clock is moved and the timer jobs executed by the
 * test (job executor off), so each escalation happens exactly when its clock says.
 */
class ThreeLevelResponseProcessTests extends EngineTestSupport {

	/** A Tuesday, 10:00 in the county: office hours on a working day. */
	static final Instant TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	static final Instant SATURDAY_10 = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@Autowired
	SlaClocks clocks;

	@Autowired
	Escalations escalations;

	@Autowired
	DueDateCalculator calculator;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void start() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
	}

	@Test
	void gridHandlesFirstOnItsOwnClockReadByTheTimersAndTheTaskDue() {
		ProcessInstance handling = dispatchedToTheGrid();

		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.GRID_DONGGUAN_1);
		SlaClock clock = currentClock(handling);
		assertThat(clock.level()).isEqualTo("GRID");
		assertThat(clock.unitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		// 费时事: two working days, warned at 75% of its 14 office hours
		assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
		assertThat(clock.warnAt()).isEqualTo(Instant.parse("2026-11-25T07:30:00Z"));
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(clock.dueAt());
		assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isEqualTo(clock.warnAt());
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(clock.dueAt());
		assertThat(clock.stateAt(TUESDAY_10)).isEqualTo(ClockState.RUNNING);
	}

	@Test
	void warningThenBreachEscalatesToTheTownship() {
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);

		ClockUtil.setCurrentTime(Date.from(grid.warnAt().plusSeconds(1)));
		assertThat(executableTimers(handling)).extracting(this::activityOf)
			.containsExactly(Ids.TIMER_HANDLE_WARNING);
		execute(timer(handling, Ids.TIMER_HANDLE_WARNING));
		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL).hasPassed(Ids.TASK_WARN_HANDLER);
		assertThat(clocks.get(grid.id()).stateAt(clocks.now())).isEqualTo(ClockState.AT_RISK);
		assertThat(clocks.get(grid.id()).warnedAt()).isNotNull();
		assertThat(types(handling)).contains("SLA_WARNED");

		ClockUtil.setCurrentTime(Date.from(grid.dueAt().plusSeconds(1)));
		execute(timer(handling, Ids.TIMER_HANDLE_BREACH));

		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL).hasPassed(Ids.TASK_ESCALATE_ON_BREACH);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(runtime.getVariable(handling.getId(), Vars.RESPONSE_LEVEL)).isEqualTo("TOWNSHIP");
		assertThat(clocks.get(grid.id()).stateAt(clocks.now())).isEqualTo(ClockState.BREACHED);
		SlaClock township = currentClock(handling);
		assertThat(township.level()).isEqualTo("TOWNSHIP");
		assertThat(township.startedAt()).isEqualTo(grid.dueAt().plusSeconds(1));
		assertThat(township.stateAt(clocks.now())).isEqualTo(ClockState.RUNNING);
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(township.dueAt());
	}

	@Test
	void eachBreachEscalatesOneLevelGridThenTownshipThenCounty() {
		ProcessInstance handling = dispatchedToTheGrid();
		UUID caseId = caseIdOf(handling);

		breach(handling);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		breach(handling);
		assertThat(task(handling)).hasCandidateGroup("county-centre");
		assertThat(runtime.getVariable(handling.getId(), Vars.RESPONSE_LEVEL)).isEqualTo("COUNTY");

		List<Escalation> escalated = escalations.find(caseId, null, null, null, null, 0, 10).items();
		assertThat(escalated).extracting(Escalation::toLevel)
			.containsExactly(ResponseLevel.COUNTY, ResponseLevel.TOWNSHIP);
		assertThat(escalated).extracting(Escalation::trigger).containsOnly(EscalationTrigger.SLA_BREACH);
		assertThat(escalated.get(1).fromUnit()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(escalated.get(0).toUnit()).isEqualTo("county-centre");
		List<SlaClock> levelClocks = clocks.ofCase(caseId).stream().filter(c -> c.phase() == Phase.HANDLING).toList();
		assertThat(levelClocks).extracting(SlaClock::level).containsExactly("GRID", "TOWNSHIP", "COUNTY");
		assertThat(levelClocks).extracting(c -> c.stateAt(clocks.now()))
			.containsExactly(ClockState.BREACHED, ClockState.BREACHED, ClockState.RUNNING);

		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED", "resolution",
				"县综治中心协调城管拆除"));
		assertThat(handling).isEnded();
		assertThat(clocks.get(levelClocks.get(2).id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
	}

	@Test
	void handlerEscalatesByHandWithAReason() {
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);

		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "ESCALATE",
				Vars.ESCALATION_REASON, "涉及多户，需街道协调物业"));

		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(clocks.get(grid.id()).stateAt(clocks.now())).isEqualTo(ClockState.ESCALATED);
		Escalation escalation = escalations.find(caseIdOf(handling), null, null, null, null, 0, 10).items().get(0);
		assertThat(escalation.trigger()).isEqualTo(EscalationTrigger.MANUAL);
		assertThat(escalation.reason()).isEqualTo("涉及多户，需街道协调物业");
		assertThat(escalation.fromLevel()).isEqualTo(ResponseLevel.GRID);
		assertThat(escalation.toLevel()).isEqualTo(ResponseLevel.TOWNSHIP);
		assertThat(types(handling)).contains("ESCALATED");
	}

	@Test
	void pausedClockHoldsItsTimerAndResumeMovesItByThePause() {
		ProcessInstance handling = dispatchedToTheGrid();
		UUID caseId = caseIdOf(handling);
		SlaClock grid = currentClock(handling);

		// paused after one office hour, waiting for the reporter's material (补充材料)
		Instant pausedAt = TUESDAY_10.plusSeconds(3600);
		ClockUtil.setCurrentTime(Date.from(pausedAt));
		clocks.pause(caseId, "等待诉求人补充材料", "grid-worker-1");
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).isSuspended()).isTrue();
		assertThat(clocks.get(grid.id()).stateAt(clocks.now())).isEqualTo(ClockState.PAUSED);

		// a week later, long past the old due time: nothing fires while paused
		Instant resumedAt = pausedAt.plusSeconds(7 * 24 * 3600);
		ClockUtil.setCurrentTime(Date.from(resumedAt));
		assertThat(executableTimers(handling)).isEmpty();

		clocks.resume(caseId, "grid-worker-1");
		Instant expectedDue = calculator.addWorkingTime(resumedAt, calculator.workingTimeBetween(pausedAt, grid.dueAt()));
		Job breach = timer(handling, Ids.TIMER_HANDLE_BREACH);
		assertThat(breach.isSuspended()).isFalse();
		assertThat(breach.getDuedate().toInstant()).isEqualTo(expectedDue).isAfter(resumedAt);
		assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isBefore(expectedDue)
			.isAfter(resumedAt);
		assertThat(((Date) runtime.getVariable(handling.getId(), Vars.HANDLE_DUE_AT)).toInstant())
			.isEqualTo(expectedDue);
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(expectedDue);
		SlaClock resumed = clocks.get(grid.id());
		assertThat(resumed.dueAt()).isEqualTo(expectedDue);
		assertThat(resumed.pauses()).hasSize(1);
		assertThat(resumed.pauses().get(0).endedAt()).isEqualTo(resumedAt);
		assertThat(resumed.stateAt(clocks.now())).isEqualTo(ClockState.RUNNING);
		assertThat(executableTimers(handling)).isEmpty();

		// and the moved timer fires at the moved time
		ClockUtil.setCurrentTime(Date.from(expectedDue.plusSeconds(1)));
		assertThat(executableTimers(handling)).extracting(this::activityOf).contains(Ids.TIMER_HANDLE_BREACH);
	}

	@Test
	void extensionMovesTheDueTimeTheTimersAndTheTaskDue() {
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);

		// 延期 by one working day: Thursday 10:00 → Friday 10:00
		SlaClock extended = clocks.extend(grid.id(), java.time.Duration.ofHours(7), "需协调供电公司", "township-lead");

		assertThat(extended.dueAt()).isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(extended.dueAt());
		assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isEqualTo(extended.warnAt());
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(extended.dueAt());
		assertThat(((Date) runtime.getVariable(handling.getId(), Vars.HANDLE_DUE_AT)).toInstant())
			.isEqualTo(extended.dueAt());
		assertThat(clocks.get(grid.id()).history()).extracting(e -> e.type()).containsExactly("STARTED", "EXTENDED");
		assertThat(types(handling)).contains("SLA_EXTENDED");
	}

	@Test
	void extensionRequestedByTheGridIsApprovedByTheTownshipAndMovesTheTimers() {
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);

		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "REQUEST_EXTENSION",
				Vars.EXTENSION, "P1D", Vars.EXTENSION_REASON, "需等待供电公司停电作业"));
		assertThat(handling).isWaitingAt(Ids.TASK_APPROVE_LEVEL_EXTENSION);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
		// the level's timers keep running while the extension is decided
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(grid.dueAt());

		complete(task(handling), withVariables(Vars.LEVEL_EXTENSION_DECISION, "GRANT", "grantNote", "同意延期一个工作日"));

		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.GRID_DONGGUAN_1);
		Instant friday10 = Instant.parse("2026-11-27T02:00:00Z");
		assertThat(clocks.get(grid.id()).dueAt()).isEqualTo(friday10);
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(friday10);
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(friday10);
		assertThat(types(handling)).containsSubsequence("EXTENSION_REQUESTED", "SLA_EXTENDED");

		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "REQUEST_EXTENSION",
				Vars.EXTENSION, "P2D", Vars.EXTENSION_REASON, "再延两天"));
		complete(task(handling), withVariables(Vars.LEVEL_EXTENSION_DECISION, "REFUSE", "refuseReason", "已延期一次"));
		assertThat(clocks.get(grid.id()).dueAt()).isEqualTo(friday10);
		assertThat(types(handling)).contains("EXTENSION_REFUSED");
	}

	@Test
	void aLocalDayOffEnteredLaterMovesTheRunningClockAndItsTimers() {
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock grid = currentClock(handling);
		assertThat(grid.dueAt()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));

		jdbc.sql("INSERT INTO calendar_override (day, working, reason) VALUES ('2026-11-25', false, '县里临时放假（测试）')")
			.update();
		try {
			assertThat(clocks.recalculateWorkingClocks("calendar-admin")).isPositive();
		}
		finally {
			jdbc.sql("DELETE FROM calendar_override WHERE day = '2026-11-25'").update();
		}

		// Wednesday off: Tuesday 10:00 + two working days is now Friday 10:00
		Instant friday10 = Instant.parse("2026-11-27T02:00:00Z");
		SlaClock moved = clocks.get(grid.id());
		assertThat(moved.dueAt()).isEqualTo(friday10);
		assertThat(moved.history()).extracting(e -> e.type()).containsExactly("STARTED", "RECALCULATED");
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(friday10);
		assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isEqualTo(moved.warnAt())
			.isAfter(grid.warnAt());
		assertThat(task(handling).getDueDate().toInstant()).isEqualTo(friday10);
	}

	/**
	 * Saturday 10:00 is outside office hours: counting starts Monday 08:30 and two working days (14 office hours) are
	 * used up at Tuesday's close. The start and {@code POST /sla/recalculate} compute the due time the same way, so a
	 * recalculation with the calendar unchanged moves nothing.
	 */
	@Test
	void aClockStartedOutsideOfficeHoursStaysPutWhenTheUnchangedCalendarIsRecalculated() {
		ClockUtil.setCurrentTime(Date.from(SATURDAY_10));
		ProcessInstance handling = dispatchedToTheGrid();
		SlaClock started = currentClock(handling);
		assertThat(started.startedAt()).isEqualTo(SATURDAY_10);

		clocks.recalculateWorkingClocks("calendar-admin");

		SlaClock recalculated = clocks.get(started.id());
		assertThat(recalculated.dueAt()).as("due time after recalculation").isEqualTo(started.dueAt());
		assertThat(recalculated.warnAt()).isEqualTo(started.warnAt());
		assertThat(recalculated.history()).extracting(e -> e.type()).containsExactly("STARTED");
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(started.dueAt());
		assertThat(timer(handling, Ids.TIMER_HANDLE_WARNING).getDuedate().toInstant()).isEqualTo(started.warnAt());
		assertThat(started.dueAt()).as("Tuesday 17:30, the end of the second working day counted from Monday 08:30")
			.isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
	}

	/**
	 * Paused half an hour after its warning point (Wednesday 16:00) and resumed a day later: the warning stays where
	 * it was (it passed before the pause) and the due time moves by the pause, exactly as a recalculation over the
	 * clock's start, budget and pauses computes them; so a recalculation with the calendar unchanged moves nothing.
	 */
	@Test
	void aClockPausedAfterItsWarningAndResumedStaysPutWhenTheUnchangedCalendarIsRecalculated() {
		ProcessInstance handling = dispatchedToTheGrid();
		UUID caseId = caseIdOf(handling);
		SlaClock grid = currentClock(handling);
		Instant pausedAt = grid.warnAt().plusSeconds(1800);
		ClockUtil.setCurrentTime(Date.from(pausedAt));
		clocks.pause(caseId, "等待诉求人补充材料", "grid-worker-1");
		ClockUtil.setCurrentTime(Date.from(pausedAt.plusSeconds(24 * 3600)));
		clocks.resume(caseId, "grid-worker-1");
		SlaClock resumed = clocks.get(grid.id());

		clocks.recalculateWorkingClocks("calendar-admin");

		SlaClock recalculated = clocks.get(grid.id());
		assertThat(resumed.warnAt()).as("the warning point passed before the pause").isEqualTo(grid.warnAt());
		assertThat(resumed.dueAt()).as("Thursday 10:00 moved by the day's pause: Friday 10:00")
			.isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
		assertThat(recalculated.dueAt()).isEqualTo(resumed.dueAt());
		assertThat(recalculated.warnAt()).isEqualTo(resumed.warnAt());
		assertThat(recalculated.history()).extracting(e -> e.type()).containsExactly("STARTED", "PAUSED", "RESUMED");
		assertThat(timer(handling, Ids.TIMER_HANDLE_BREACH).getDuedate().toInstant()).isEqualTo(resumed.dueAt());
	}

	private void breach(ProcessInstance handling) {
		SlaClock clock = currentClock(handling);
		ClockUtil.setCurrentTime(Date.from(clock.dueAt().plusSeconds(1)));
		execute(timer(handling, Ids.TIMER_HANDLE_BREACH));
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

	private List<Job> executableTimers(ProcessInstance handling) {
		return management.createJobQuery().processInstanceId(handling.getId()).timers().executable().active().list();
	}

	private String activityOf(Job job) {
		return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
			.getActivityId();
	}

	private UUID caseIdOf(ProcessInstance handling) {
		return UUID.fromString(handling.getBusinessKey());
	}

	private List<String> types(ProcessInstance handling) {
		return files.timelineOf(caseIdOf(handling)).stream().map(TimelineEntry::type).toList();
	}

	/** Reported in 东关社区第一网格, filed and dispatched to that grid: the three-level response has begun. */
	private ProcessInstance dispatchedToTheGrid() {
		UUID id = UUID.randomUUID();
		ProcessInstance lifecycle = report(id, Channel.GRID_REPORT, "OTHER", "其他：飞线充电", "3号楼飞线充电",
				DONGGUAN_BUILDING_3, TUESDAY_10);
		execute(job(lifecycle));
		complete(task(calledProcessInstance(lifecycle)), withVariables(CaseLifecycleProcess.Vars.DISPATCH_OUTCOME,
				"DISPATCH", CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE, DemoCounty.GRID_DONGGUAN_1));
		ProcessInstance handling = calledProcessInstance(lifecycle);
		assertThat(handling.getProcessDefinitionId()).startsWith("ThreeLevelResponse:");
		return handling;
	}

}
