package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseScope;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineNote;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A board page (at risk, breached) and a case's clocks give each clock whole, as reading the clock alone does (its
 * pauses and history included), and read their pauses and history with one statement per table, not two per clock.
 */
class SlaBoardTests extends EngineTestSupport {

	private static final CaseScope COUNTY = new CaseScope(null,
			List.of(new CaseScope.Grant(null, Set.of(DemoCounty.COUNTY), Set.of())));

	@Autowired
	SlaClocks clocks;

	@Autowired
	SlaBoard board;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAtRiskPagesClocksCarryTheirPausesAndHistoryAsEachClockReadAloneDoes() {
		Window window = atRiskClocks(3);

		SlaBoard.Page page = board.atRisk(window.filter(), COUNTY, 0, 20);

		assertThat(page.total()).isEqualTo(3);
		assertThat(page.items()).extracting(SlaClock::id).containsExactlyElementsOf(window.ids());
		assertThat(page.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("read")
			.containsExactlyElementsOf(window.ids().stream().map(clocks::get).toList());
		assertThat(page.items().get(0).pauses()).singleElement()
			.satisfies(pause -> assertThat(pause.endedAt()).isNotNull());
		assertThat(page.items().get(0).history()).extracting(ClockEvent::type)
			.containsExactly("STARTED", "PAUSED", "RESUMED", "WARNED");
	}

	@Test
	void anAtRiskPageOfThreeClocksTakesThreeStatementsItsRowsAndTotalThenAllPausesThenAllHistory() {
		Window window = atRiskClocks(3);

		List<String> statements = statementsOf(() -> board.atRisk(window.filter(), COUNTY, 0, 20));

		assertThat(statements).hasSize(3);
		assertThat(statements.get(0)).contains("FROM sla_clock").contains("count(*) OVER ()");
		assertThat(statements.get(1)).contains("FROM sla_clock_pause");
		assertThat(statements.get(2)).contains("FROM sla_clock_event");
	}

	@Test
	void aCasesClocksCarryTheirPausesAndHistoryAsEachClockReadAloneDoesAndTakeThreeStatements() {
		UUID caseId = reportedCase();
		SlaClock paused = clocks.start(new ClockStart(caseId, Phase.HANDLING, "GRID", DemoCounty.GRID_DONGGUAN_1, null,
				"TIME_CONSUMING", null), "test");
		clocks.pauseClock(paused.id(), "部门报到办理中", "system");
		clocks.resumeClock(paused.id(), "system");
		clocks.stop(paused.id(), ClockState.MET, "办结", "system");
		SlaClock next = clocks.start(new ClockStart(caseId, Phase.FEEDBACK, "GRID", DemoCounty.GRID_DONGGUAN_1, null,
				"TIME_CONSUMING", null), "test");

		List<SlaClock> ofCase = new ArrayList<>();
		List<String> statements = statementsOf(() -> ofCase.addAll(clocks.ofCase(caseId)));

		assertThat(ofCase).usingRecursiveFieldByFieldElementComparatorIgnoringFields("read")
			.containsExactly(clocks.get(paused.id()), clocks.get(next.id()));
		assertThat(ofCase.get(0).pauses()).hasSize(1);
		assertThat(ofCase.get(0).history()).extracting(ClockEvent::type)
			.containsExactly("STARTED", "PAUSED", "RESUMED", "STOPPED");
		assertThat(statements).hasSize(3);
	}

	private UUID reportedCase() {
		UUID caseId = UUID.randomUUID();
		files.open(CaseFile.reported(caseId, "B-" + caseId.toString().substring(0, 8), Channel.GRID_REPORT, null,
				"OTHER", "井盖缺失", "路口井盖缺失", DONGGUAN_BUILDING_3, null, null, Instant.now()), List.of(), "test",
				TimelineNote.of("REPORTED", "问题上报"));
		return caseId;
	}

	/** Clocks at risk with due times in a window of their own, soonest due first; the first paused and resumed. */
	private Window atRiskClocks(int count) {
		Instant from = Instant.now().plus(3650 + ThreadLocalRandom.current().nextInt(3650), ChronoUnit.DAYS)
			.truncatedTo(ChronoUnit.SECONDS);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SlaClock clock = clocks.start(new ClockStart(reportedCase(), Phase.HANDLING, "GRID", DemoCounty.GRID_DONGGUAN_1,
					null, "TIME_CONSUMING", null), "test");
			if (i == 0) {
				clocks.pauseClock(clock.id(), "部门报到办理中", "system");
				clocks.resumeClock(clock.id(), "system");
			}
			clocks.warned(clock.id(), "system");
			jdbc.sql("UPDATE sla_clock SET due_at = :due WHERE id = :id")
				.param("due", java.sql.Timestamp.from(from.plus(Duration.ofMinutes(i))))
				.param("id", clock.id())
				.update();
			ids.add(clock.id());
		}
		return new Window(new ClockFilter(null, null, null, from, from.plus(Duration.ofMinutes(count))), ids);
	}

	private record Window(ClockFilter filter, List<UUID> ids) {
	}

	/** The SQL statements this thread ran through Spring's JDBC templates (Spring Data JDBC's included). */
	private static List<String> statementsOf(Runnable reads) {
		Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		String thread = Thread.currentThread().getName();
		try {
			reads.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(appender);
		}
		return appender.list.stream()
			.filter(event -> event.getThreadName().equals(thread))
			.map(ILoggingEvent::getFormattedMessage)
			.filter(message -> message.startsWith("Executing prepared SQL statement"))
			.toList();
	}

}
