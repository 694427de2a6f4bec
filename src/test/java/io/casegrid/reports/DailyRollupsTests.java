package io.casegrid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.HttpTest;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily roll-ups (V28, {@link DailyRollups}): a day rolled up twice holds the same rows, and a row that arrives
 * later (a result sent next month, a whistle judged later, a case moved to another grid) marks the days it counts in,
 * so that the next report counts it in its own month. Each test writes raw rows of its own month far in the past
 * (2023), where no other test has cases, as years of use leave them.
 */
@HttpTest
class DailyRollupsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyRollups rollups;

	@Autowired
	UnitReports reports;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void aDayRolledUpTwiceHoldsTheSameRows() {
		LocalDate day = LocalDate.of(2023, 1, 10);
		reportCase(day.atTime(9, 0), DemoCounty.GRID_DONGGUAN_1);
		reportCase(day.atTime(15, 0), DemoCounty.GRID_HEXI_1);

		rollups.rollUp(day, day.plusDays(1));
		List<Map<String, Object>> first = rowsOf(day);
		rollups.rollUp(day, day.plusDays(1));

		assertThat(rowsOf(day)).isEqualTo(first);
		assertThat(first).contains(Map.of("unit_code", DemoCounty.COUNTY, "metric", "received", "key", "", "value", 2L),
				Map.of("unit_code", DemoCounty.GRID_HEXI_1, "metric", "received", "key", "", "value", 1L));
		assertThat(rollups.pendingDays(day, day.plusDays(1))).isEmpty();
	}

	@Test
	void aResultSentInALaterMonthCountsForTheMonthTheCaseWasReportedIn() {
		YearMonth february = YearMonth.of(2023, 2);
		UUID id = reportCase(february.atDay(10).atTime(10, 0), DemoCounty.GRID_DONGGUAN_1);
		assertThat(rate(february, "completionRate")).isEqualTo(List.of(0L, 1L));
		assertThat(rollups.pendingDays(february.atDay(1), february.plusMonths(1).atDay(1))).isEmpty();

		event(id, LocalDate.of(2023, 3, 6).atTime(11, 0), "RESULT_SENT");

		assertThat(rollups.pendingDays(february.atDay(1), february.plusMonths(1).atDay(1)))
			.containsExactly(february.atDay(10));
		assertThat(rate(february, "completionRate")).isEqualTo(List.of(1L, 1L));
		assertThat(figure(february.plusMonths(1), "handlingHoursP90")).isNotNull();
		assertThat(figure(february, "handlingHoursP90")).isNull();
	}

	@Test
	void aCaseMovedToAnotherGridLeavesTheFiguresOfItsFormerGridInEveryDayItCountsIn() {
		YearMonth april = YearMonth.of(2023, 4);
		UUID id = reportCase(april.atDay(3).atTime(10, 0), DemoCounty.GRID_DONGGUAN_1);
		event(id, april.atDay(20).atTime(10, 0), "EVALUATED");
		assertThat(figure(april, "received", DemoCounty.GRID_DONGGUAN_1)).isEqualTo(1.0);
		assertThat(figure(april, "evaluationsGiven", DemoCounty.GRID_DONGGUAN_1)).isEqualTo(1.0);

		jdbc.sql("UPDATE case_file SET unit_code = :grid, grid_code = :grid WHERE id = :id")
			.param("grid", DemoCounty.GRID_HEXI_1)
			.param("id", id)
			.update();

		assertThat(figure(april, "received", DemoCounty.GRID_DONGGUAN_1)).isEqualTo(0.0);
		assertThat(figure(april, "evaluationsGiven", DemoCounty.GRID_DONGGUAN_1)).isEqualTo(0.0);
		assertThat(figure(april, "evaluationsGiven", DemoCounty.GRID_HEXI_1)).isEqualTo(1.0);
	}

	private List<Long> rate(YearMonth month, String key) {
		Figure figure = figureOf(month, key, DemoCounty.COUNTY);
		return List.of(figure.numerator(), figure.denominator());
	}

	private Double figure(YearMonth month, String key) {
		return figureOf(month, key, DemoCounty.COUNTY).value();
	}

	private Double figure(YearMonth month, String key, String unit) {
		return figureOf(month, key, unit).value();
	}

	private Figure figureOf(YearMonth month, String key, String unit) {
		return reports.figures(unit, Period.month(month))
			.figures()
			.stream()
			.filter(f -> f.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private List<Map<String, Object>> rowsOf(LocalDate day) {
		return jdbc.sql("SELECT unit_code, metric, key, value FROM report_daily WHERE day = :day ORDER BY 1, 2, 3")
			.param("day", day)
			.query()
			.listOfRows();
	}

	private UUID reportCase(LocalDateTime local, String grid) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO case_file (id, case_number, channel, category_code, title, description, address, unit_code,
				       grid_code, village_code, township_code, county_code, reported_at, step, track, valid, version)
				SELECT :id, 'RU-' || left(:id::text, 8), 'HOTLINE_12345', (SELECT min(code) FROM category), '路灯不亮',
				       '测试汇总', '云岭县', g.code, g.code, v.code, t.code, t.parent_code, :at, 'HANDLING', 'GRID', true, 0
				  FROM org_unit g JOIN org_unit v ON v.code = g.parent_code JOIN org_unit t ON t.code = v.parent_code
				 WHERE g.code = :grid""")
			.param("id", id)
			.param("at", at(local))
			.param("grid", grid)
			.update();
		return id;
	}

	private void event(UUID caseId, LocalDateTime local, String type) {
		jdbc.sql("""
				INSERT INTO case_event (case_id, occurred_at, type, step, actor, summary, details)
				VALUES (:id, :at, :type, 'FEEDBACK', 'test', :type, CAST(:details AS jsonb))""")
			.param("id", caseId)
			.param("at", at(local))
			.param("type", type)
			.param("details", type.equals("EVALUATED") ? "{\"score\":\"SATISFIED\"}" : "{}")
			.update();
	}

	private OffsetDateTime at(LocalDateTime local) {
		return OffsetDateTime.ofInstant(local.atZone(calendar.zone()).toInstant(), ZoneOffset.UTC);
	}

}
