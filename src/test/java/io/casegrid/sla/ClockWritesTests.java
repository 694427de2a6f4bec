package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.RowWrites;
import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.process.LatestDecisions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a change to an SLA clock writes (each escalation stops one, each warning marks one): one UPDATE of the clock's
 * row and its new history line or pause, never the clock's earlier history rewritten; and a change that lost a race
 * to another is refused, not written over it. A clock start evaluates {@code sla-policy.dmn}
 * only for a question the deployed version has not answered yet, and asks for its latest version only after a
 * deployment.
 */
class ClockWritesTests extends EngineTestSupport {

	@Autowired
	SlaClocks clocks;

	@Autowired
	SlaPolicy policy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockWrites clockWrites;

	@Autowired
	LatestDecisions latestDecisions;

	RowWrites writes;

	@BeforeEach
	void recordWrites() {
		writes = RowWrites.record(jdbc)
			.watchColumns("sla_clock", "id", "fixed columns", "case_id", "phase", "level", "unit_code", "sla_class",
					"time_limit", "counting", "started_at")
			.watch("sla_clock", "id", "clock")
			.watch("sla_clock_event", "sla_clock", "history")
			.watch("sla_clock_pause", "sla_clock", "pause");
	}

	@AfterEach
	void dropRecorder() {
		writes.close();
	}

	@Test
	void stoppingAClockUpdatesItsRowAndAddsOneHistoryLineWithoutRewritingTheEarlierOnes() {
		SlaClock clock = startedClock();
		List<String> startedLine = writes.rowVersions("sla_clock_event", "sla_clock", clock.id());

		clocks.stop(clock.id(), ClockState.BREACHED, "超过办理时限未办结", "system");

		assertThat(writes.of(clock.id())).containsExactly("clock update");
		assertThat(writes.rowVersions("sla_clock_event", "sla_clock", clock.id())).hasSize(2).startsWith(startedLine.get(0));
		SlaClock stopped = clocks.get(clock.id());
		assertThat(stopped.stateAt(Instant.now())).isEqualTo(ClockState.BREACHED);
		assertThat(stopped.history()).extracting(ClockEvent::type).containsExactly("STARTED", "BREACHED");
	}

	@Test
	void aPauseEndedOnResumeIsUpdatedInPlaceAndTheHistoryOnlyGrows() {
		SlaClock clock = startedClock();

		clocks.pauseClock(clock.id(), "部门报到办理中", "system");
		clocks.resumeClock(clock.id(), "system");

		assertThat(writes.of(clock.id())).containsExactly("clock update", "clock update", "pause update");
		SlaClock resumed = clocks.get(clock.id());
		assertThat(resumed.pausedAt()).isNull();
		assertThat(resumed.pauses()).singleElement().satisfies(pause -> assertThat(pause.endedAt()).isNotNull());
		assertThat(resumed.history()).extracting(ClockEvent::type).containsExactly("STARTED", "PAUSED", "RESUMED");
	}

	@Test
	void aStopThatLostTheRaceToAWarningIsRefusedAndTheWarningKept() {
		SlaClock clock = startedClock();
		SlaClock read = clocks.get(clock.id());

		clocks.warned(clock.id(), "system");
		read.stop(Instant.now(), ClockState.MET, "办结", "grid-worker-1");
		assertThatThrownBy(() -> clockWrites.save(read)).isInstanceOf(OptimisticLockingFailureException.class);

		Map<String, Object> row = jdbc.sql("SELECT warned_at, stopped_at, version FROM sla_clock WHERE id = :id")
			.param("id", clock.id())
			.query()
			.singleRow();
		assertThat(row.get("warned_at")).isNotNull();
		assertThat(row.get("stopped_at")).isNull();
		assertThat(row).containsEntry("version", 1L);
		assertThat(clocks.get(clock.id()).history()).extracting(ClockEvent::type).containsExactly("STARTED", "WARNED");
	}

	@Test
	void aClockStartAsksTheSlaPolicyOncePerVersionAndQuestionAndANewVersionAnswersFromTheNextClockOn() throws Exception {
		startedClock(); // the question (TIME_CONSUMING, HANDLING, NORMAL) answered by the deployed version
		long evaluated = slaPolicyEvaluations();

		SlaClock again = startedClock();

		assertThat(slaPolicyEvaluations()).isEqualTo(evaluated);
		assertThat(again.limit().iso()).isEqualTo("P2D");
		String deployment = deploySlaPolicyWithHandlingInThreeDays();
		try {
			assertThat(startedClock().limit().iso()).isEqualTo("P3D");
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
		assertThat(startedClock().limit().iso()).isEqualTo("P2D");
	}

	@Test
	void aClockStartAsksTheDatabaseForTheLatestSlaPolicyOnlyAfterAVersionWasDeployedOrDeleted() throws Exception {
		startedClock();
		long lookedUp = latestDecisions.lookups();

		startedClock();

		assertThat(latestDecisions.lookups()).isEqualTo(lookedUp);
		String deployment = deploySlaPolicyWithHandlingInThreeDays();
		try {
			assertThat(startedClock().limit().iso()).isEqualTo("P3D");
			assertThat(startedClock().limit().iso()).isEqualTo("P3D");
			assertThat(latestDecisions.lookups()).isEqualTo(lookedUp + 1);
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
		assertThat(startedClock().limit().iso()).isEqualTo("P2D");
		assertThat(latestDecisions.lookups()).isEqualTo(lookedUp + 2);
	}

	/** A designer's new version of {@code sla-policy.dmn}: 3 days instead of 2 for handling a time-consuming case. */
	private String deploySlaPolicyWithHandlingInThreeDays() throws Exception {
		String changed = new String(new ClassPathResource("processes/sla-policy.dmn").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8)
			.replace("<outputEntry id=\"OutputEntry_TimeConsumingHandling_Limit\"><text>\"P2D\"</text>",
					"<outputEntry id=\"OutputEntry_TimeConsumingHandling_Limit\"><text>\"P3D\"</text>");
		return engine.getRepositoryService()
			.createDeployment()
			.name("sla-policy P3D")
			.addString("sla-policy.dmn", changed)
			.deploy()
			.getId();
	}

	private long slaPolicyEvaluations() {
		return policy.evaluations();
	}

	private SlaClock startedClock() {
		UUID caseId = UUID.randomUUID();
		files.open(CaseFile.reported(caseId, "K-" + caseId.toString().substring(0, 8), Channel.GRID_REPORT, null,
				"OTHER", "井盖缺失", "路口井盖缺失", DONGGUAN_BUILDING_3, null, null, Instant.now()), List.of(), "test",
				TimelineNote.of("REPORTED", "问题上报"));
		return clocks.start(new ClockStart(caseId, Phase.HANDLING, "GRID", DemoCounty.GRID_DONGGUAN_1, null,
				"TIME_CONSUMING", null), "test");
	}

}
