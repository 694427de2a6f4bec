package io.casegrid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.sla.calendar.DueDateCalculator;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a month's figures from raw rows — every row of the tables read whole, filtered and counted in Java,
 * without the report's SQL — and compares each figure the report computes, for a place at every level and a
 * department. Runs over whatever the test JVM has recorded so far, plus two cases of its own.
 */
@HttpTest
class FigureConsistencyTests {

	@LocalServerPort
	int port;

	@Autowired
	UnitReports reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DueDateCalculator calculator;

	@Autowired
	WorkingCalendar calendar;

	record CaseRow(UUID id, Set<String> places, String handlingUnit, String department, Instant reportedAt,
			boolean valid, boolean vulnerable, String channel, String category) {
	}

	record EventRow(long id, UUID caseId, String type, Instant at, Map<String, String> details) {
	}

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyFigureOfAMonthMatchesARecomputationFromRawRows() throws Exception {
		TransactionTemplate snapshot = new TransactionTemplate(transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		CasegridClient grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		for (int i = 0; i < 2; i++) {
			grid.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString());
		}
		YearMonth now = reports.currentMonth();
		for (YearMonth month : List.of(now, YearMonth.of(2025, 6))) {
			for (String unit : List.of(DemoCounty.COUNTY, DemoCounty.TOWNSHIP_CHENGGUAN, DemoCounty.VILLAGE_DONGGUAN,
					DemoCounty.GRID_DONGGUAN_1, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, DemoCounty.DEPARTMENT_HOUSING)) {
				Period period = Period.month(month);
				// both read one snapshot: timers of other tests' cases fire in the background (a clock breached now
				// counts in the current month), and a row written between the two reads would differ for that
				// reason alone
				record Both(UnitFigures computed, Map<String, Double[]> expected) {
				}
				Both both = snapshot.execute(tx -> new Both(reports.figures(unit, period), recompute(unit, period)));
				UnitFigures computed = both.computed();
				Map<String, Double[]> expected = both.expected();
				for (Figure figure : computed.figures()) {
					Double[] want = expected.get(figure.key());
					assertThat(want).as("%s recomputed", figure.key()).isNotNull();
					String what = unit + " " + month + " " + figure.key();
					assertThat(figure.value()).as(what).isEqualTo(want[0]);
					if (want.length > 1) {
						assertThat(figure.numerator()).as(what + " numerator").isEqualTo(want[1].longValue());
						assertThat(figure.denominator()).as(what + " denominator").isEqualTo(want[2].longValue());
					}
				}
				assertThat(computed.figures()).hasSize(expected.size());
			}
		}
	}

	private Map<String, Double[]> recompute(String unit, Period period) {
		ZoneId zone = calendar.zone();
		Instant from = period.from().atStartOfDay(zone).toInstant();
		Instant to = period.to().atStartOfDay(zone).toInstant();
		boolean department = unit.contains("-");
		Set<String> subtree = reports.subtree(unit);
		List<CaseRow> cases = jdbc.sql("SELECT * FROM case_file").query((rs, n) -> new CaseRow(
				rs.getObject("id", UUID.class),
				new HashSet<>(Arrays.asList(rs.getString("unit_code"), rs.getString("grid_code"),
						rs.getString("village_code"), rs.getString("township_code"), rs.getString("county_code"))),
				rs.getString("handling_unit_code"), rs.getString("department_code"),
				rs.getObject("reported_at", OffsetDateTime.class).toInstant(), rs.getBoolean("valid"),
				rs.getBoolean("vulnerable"), rs.getString("channel"), rs.getString("category_code"))).list();
		List<Map<String, Object>> whistles = jdbc.sql("SELECT * FROM whistle").query().listOfRows();
		Map<UUID, CaseRow> byId = cases.stream().collect(Collectors.toMap(CaseRow::id, c -> c));
		Set<UUID> calledIn = whistles.stream()
			.filter(w -> Arrays.asList(((String) w.get("departments")).split(",")).contains(unit))
			.map(w -> (UUID) w.get("case_id"))
			.collect(Collectors.toSet());
		java.util.function.Predicate<UUID> inUnit = id -> {
			CaseRow c = byId.get(id);
			return department ? unit.equals(c.handlingUnit()) || unit.equals(c.department()) || calledIn.contains(id)
					: c.places().contains(unit);
		};
		java.util.function.Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(from) && at.isBefore(to);
		List<EventRow> events = jdbc.sql("SELECT id, case_id, type, occurred_at, details::text AS details FROM case_event")
			.query((rs, n) -> new EventRow(rs.getLong("id"), rs.getObject("case_id", UUID.class), rs.getString("type"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), details(rs.getString("details"))))
			.list();
		Map<String, Double[]> f = new HashMap<>();

		List<CaseRow> received = cases.stream().filter(c -> inPeriod.test(c.reportedAt()) && inUnit.test(c.id())).toList();
		Set<UUID> resultSent = events.stream().filter(e -> e.type().equals("RESULT_SENT")).map(EventRow::caseId)
			.collect(Collectors.toSet());
		f.put("received", count(received.size()));
		f.put("vulnerableReceived", count(received.stream().filter(CaseRow::vulnerable).count()));
		List<CaseRow> valid = received.stream().filter(CaseRow::valid).toList();
		f.put("completionRate", rate(valid.stream().filter(c -> resultSent.contains(c.id())).count(), valid.size()));

		List<Map<String, Object>> clocks = jdbc.sql("SELECT * FROM sla_clock").query().listOfRows();
		java.util.function.Predicate<Map<String, Object>> clockOfUnit = k -> department
				? unit.equals(k.get("department_code")) : inUnit.test((UUID) k.get("case_id"));
		for (String phase : List.of("ACCEPTANCE", "HANDLING")) {
			long met = clocks.stream().filter(k -> phase.equals(k.get("phase")) && clockOfUnit.test(k)
					&& "MET".equals(k.get("stop_reason")) && inPeriod.test(instant(k.get("stopped_at")))).count();
			long late = clocks.stream().filter(k -> phase.equals(k.get("phase")) && clockOfUnit.test(k)
					&& inPeriod.test(instant(k.get("breached_at")))).count();
			f.put(phase.equals("ACCEPTANCE") ? "acceptanceOnTimeRate" : "handlingOnTimeRate", rate(met, met + late));
		}
		f.put("overdueCases", count(clocks.stream().filter(k -> clockOfUnit.test(k)
				&& inPeriod.test(instant(k.get("breached_at")))).map(k -> k.get("case_id")).distinct().count()));

		Map<UUID, EventRow> firstResult = new HashMap<>();
		events.stream().filter(e -> e.type().equals("RESULT_SENT"))
			.forEach(e -> firstResult.merge(e.caseId(), e, (a, b) -> a.id() < b.id() ? a : b));
		List<Double> hours = firstResult.values().stream()
			.filter(e -> inPeriod.test(e.at()) && inUnit.test(e.caseId()))
			.map(e -> Math.max(0, calculator.workingTimeBetween(byId.get(e.caseId()).reportedAt(), e.at()).toSeconds()
					/ 3600.0))
			.toList();
		f.put("handlingHoursAverage", measure(hours.isEmpty() ? null
				: hours.stream().mapToDouble(Double::doubleValue).sum() / hours.size()));
		List<Double> sorted = hours.stream().sorted().toList();
		f.put("handlingHoursP90", measure(sorted.isEmpty() ? null
				: sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1)));

		List<EventRow> ofUnit = events.stream().filter(e -> inPeriod.test(e.at()) && inUnit.test(e.caseId())).toList();
		long given = ofUnit.stream().filter(e -> e.type().equals("EVALUATED")).count();
		long defaulted = ofUnit.stream().filter(e -> e.type().equals("EVALUATION_DEFAULTED")).count();
		f.put("evaluationsGiven", count(given));
		f.put("satisfactionRate", rate(ofUnit.stream().filter(e -> e.type().equals("EVALUATED")
				&& !"DISSATISFIED".equals(e.details().get("score"))).count(), given));
		f.put("dissatisfied", count(ofUnit.stream().filter(e -> e.type().equals("EVALUATED")
				&& "DISSATISFIED".equals(e.details().get("score"))).count()));
		f.put("defaultSatisfied", count(defaulted));
		f.put("redoRate", rate(ofUnit.stream().filter(e -> e.type().equals("REDO")).count(), given + defaulted));

		List<EventRow> inMonth = events.stream().filter(e -> inPeriod.test(e.at())).toList();
		f.put("departmentReturns", count(inMonth.stream().filter(e -> e.type().equals("DEPARTMENT_RETURNED")
				&& (department ? unit.equals(e.details().get("departmentCode")) : inUnit.test(e.caseId()))).count()));
		f.put("unjustifiedReturns", count(inMonth.stream().filter(e -> e.type().equals("JURISDICTION_CONFIRMED")
				&& e.details().get("departmentCode").equals(e.details().get("returnedBy"))
				&& (department ? unit.equals(e.details().get("returnedBy")) : inUnit.test(e.caseId()))).count()));

		List<Map<String, Object>> blown = whistles.stream().filter(w -> inPeriod.test(instant(w.get("blown_at")))
				&& (department ? calledIn.contains(w.get("case_id"))
						&& Arrays.asList(((String) w.get("departments")).split(",")).contains(unit)
						: subtree.contains(w.get("blown_by_unit")))).toList();
		f.put("whistles", count(blown.size()));
		f.put("frivolousWhistles", count(blown.stream().filter(w -> "FRIVOLOUS".equals(w.get("judgement"))).count()));

		List<Map<String, Object>> orders = jdbc.sql("SELECT * FROM supervision_order").query().listOfRows().stream()
			.filter(o -> inPeriod.test(instant(o.get("issued_at")))
					&& (department ? unit.equals(o.get("department_code")) : inUnit.test((UUID) o.get("case_id"))))
			.toList();
		f.put("supervisionIssued", count(orders.size()));
		f.put("supervisionRepliedOnTime", count(orders.stream().filter(o -> o.get("replied_at") != null
				&& !instant(o.get("replied_at")).isAfter(instant(o.get("reply_due_at")))).count()));
		f.put("supervisionMissed", count(orders.stream().filter(o -> o.get("missed_at") != null).count()));
		f.put("escalations", count(jdbc.sql("SELECT * FROM escalation").query().listOfRows().stream()
			.filter(x -> inPeriod.test(instant(x.get("escalated_at"))) && inUnit.test((UUID) x.get("case_id")))
			.count()));

		f.put("disputesAccepted", count(ofUnit.stream().filter(e -> e.type().equals("MEDIATION_ACCEPTED")).count()));
		Map<UUID, Map<String, Object>> mediations = jdbc.sql("SELECT * FROM mediation").query().listOfRows().stream()
			.collect(Collectors.toMap(m -> (UUID) m.get("case_id"), m -> m));
		List<EventRow> concluded = ofUnit.stream().filter(e -> e.type().equals("MEDIATION_CONCLUDED")
				&& !"DECLINED".equals(e.details().get("outcome"))).toList();
		long settled = concluded.stream().filter(e -> "SETTLED".equals(e.details().get("outcome"))).count();
		f.put("disputesSettled", count(settled));
		f.put("mediationSuccessRate", rate(settled, concluded.size()));
		f.put("judicialConfirmationRate", rate(concluded.stream().filter(e -> "SETTLED".equals(e.details().get("outcome"))
				&& "APPLIED".equals(mediations.get(e.caseId()).get("judicial_confirmation_status"))).count(), settled));
		List<Double> days = new ArrayList<>();
		for (EventRow e : concluded) {
			days.add(Duration.between(instant(mediations.get(e.caseId()).get("opened_at")), e.at()).toMinutes() / 1440.0);
		}
		f.put("mediationDaysAverage", measure(days.isEmpty() ? null
				: days.stream().mapToDouble(Double::doubleValue).sum() / days.size()));
		return f;
	}

	private static Map<String, String> details(String json) {
		try {
			Map<String, Object> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
			Map<String, String> strings = new HashMap<>();
			parsed.forEach((k, v) -> strings.put(k, v == null ? null : String.valueOf(v)));
			return strings;
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toInstant();
		}
		return ((OffsetDateTime) value).toInstant();
	}

	private static Double[] count(long n) {
		return new Double[] { (double) n };
	}

	private static Double[] rate(long numerator, long denominator) {
		return new Double[] { denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0,
				(double) numerator, (double) denominator };
	}

	private static Double[] measure(Double value) {
		return new Double[] { value == null ? null : Math.round(value * 10.0) / 10.0 };
	}

}
