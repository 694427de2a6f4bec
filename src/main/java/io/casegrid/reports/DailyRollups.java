package io.casegrid.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.casefile.TimeSource;
import io.casegrid.sla.calendar.DueDateCalculator;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily roll-ups the figures are read from (docs/reports.md, "How it is computed"): for each day and unit, the
 * counts every figure is made of ({@code report_daily}, V28). A day is rolled up whole and idempotently — its rows
 * deleted and counted again from the raw rows — when a report asks for it and it is not rolled up yet or a change
 * marked it dirty since (triggers of V28, in the changing transaction). Today and dirty days are counted from the raw
 * rows at the read ({@link #live}), with the same SQL, so both paths give the same figures.
 */
@Component
public class DailyRollups {

	/** The longest run of days rolled up in one transaction. */
	private static final int DAYS_PER_TRANSACTION = 31;

	/** The units a row of case {@code c} counts for: its place at every level, its departments. */
	private static final String PLACE_UNITS = """
			SELECT u.code AS unit_code FROM org_unit u
			 WHERE u.level <> 'DEPARTMENT'
			   AND u.code IN (c.unit_code, c.grid_code, c.village_code, c.township_code, c.county_code)""";

	private static final String CASE_UNITS = PLACE_UNITS + """

			UNION
			SELECT u.code FROM org_unit u
			 WHERE u.level = 'DEPARTMENT'
			   AND u.code IN (SELECT c.handling_unit_code UNION ALL SELECT c.department_code
			                  UNION ALL SELECT unnest(string_to_array(dw.departments, ',')) FROM whistle dw
			                   WHERE dw.case_id = c.id)""";

	/** A place's units, and the department named in the row (its clock, its order, its 退单). */
	private static String placeAnd(String department) {
		return PLACE_UNITS + "\nUNION\nSELECT u.code FROM org_unit u WHERE u.level = 'DEPARTMENT' AND u.code = "
				+ department;
	}

	/**
	 * Every counted row of the range as (d, unit_code, metric, key, value); the definitions of docs/reports.md,
	 * figure by figure. Parameters: {@code from}, {@code to} (instants), {@code zone}.
	 */
	private static final String SOURCES = """
			WITH RECURSIVE above (code, ancestor) AS (
			    SELECT code, code FROM org_unit
			    UNION ALL
			    SELECT a.code, u.parent_code FROM above a JOIN org_unit u ON u.code = a.ancestor
			     WHERE u.parent_code IS NOT NULL
			), src (d, unit_code, metric, key, value) AS (
			    SELECT #day(c.reported_at), x.unit_code, m.metric, m.key, 1
			      FROM case_file c CROSS JOIN LATERAL (#CASE_UNITS) x
			           CROSS JOIN LATERAL (VALUES ('received', '', true), ('vulnerableReceived', '', c.vulnerable),
			               ('valid', '', c.valid),
			               ('resolved', '', c.valid AND EXISTS (SELECT 1 FROM case_event r
			                                       WHERE r.case_id = c.id AND r.type = 'RESULT_SENT')),
			               ('channel', coalesce(c.channel, ''), true), ('category', coalesce(c.category_code, ''), true),
			               ('level', coalesce(c.start_level, 'UNPLACED'), true),
			               ('hotSpot', coalesce(c.grid_code || '/' || c.category_code, ''),
			                EXISTS (SELECT 1 FROM org_unit g WHERE g.code = c.grid_code))) m (metric, key, counts)
			     WHERE #in(c.reported_at) AND m.counts
			    UNION ALL
			    SELECT #day(k.stopped_at), x.unit_code, lower(k.phase) || 'Met', '', 1
			      FROM sla_clock k JOIN case_file c ON c.id = k.case_id
			           CROSS JOIN LATERAL (#CLOCK_UNITS) x
			     WHERE k.phase IN ('ACCEPTANCE', 'HANDLING') AND k.stop_reason = 'MET' AND #in(k.stopped_at)
			    UNION ALL
			    SELECT #day(k.breached_at), x.unit_code, m.metric, m.key, 1
			      FROM sla_clock k JOIN case_file c ON c.id = k.case_id
			           CROSS JOIN LATERAL (#CLOCK_UNITS) x
			           CROSS JOIN LATERAL (VALUES (lower(k.phase) || 'Late', '', k.phase IN ('ACCEPTANCE', 'HANDLING')),
			               ('overdue', k.case_id::text, true)) m (metric, key, counts)
			     WHERE #in(k.breached_at) AND m.counts
			    UNION ALL
			    SELECT #day(e.occurred_at), x.unit_code, m.metric, '', 1
			      FROM case_event e JOIN case_file c ON c.id = e.case_id CROSS JOIN LATERAL (#CASE_UNITS) x
			           CROSS JOIN LATERAL (VALUES ('evaluated', e.type = 'EVALUATED'),
			               ('satisfied', e.type = 'EVALUATED'
			                             AND e.details ->> 'score' IN ('SATISFIED', 'BASICALLY_SATISFIED')),
			               ('dissatisfied', e.type = 'EVALUATED' AND e.details ->> 'score' = 'DISSATISFIED'),
			               ('defaulted', e.type = 'EVALUATION_DEFAULTED'), ('redo', e.type = 'REDO'),
			               ('disputesAccepted', e.type = 'MEDIATION_ACCEPTED')) m (metric, counts)
			     WHERE e.type IN ('EVALUATED', 'EVALUATION_DEFAULTED', 'REDO', 'MEDIATION_ACCEPTED')
			       AND #in(e.occurred_at) AND m.counts
			    UNION ALL
			    SELECT #day(e.occurred_at), x.unit_code, 'returned', '', 1
			      FROM case_event e JOIN case_file c ON c.id = e.case_id
			           CROSS JOIN LATERAL (#RETURN_UNITS) x
			     WHERE e.type = 'DEPARTMENT_RETURNED' AND #in(e.occurred_at)
			    UNION ALL
			    SELECT #day(e.occurred_at), x.unit_code, 'unjustified', '', 1
			      FROM case_event e JOIN case_file c ON c.id = e.case_id
			           CROSS JOIN LATERAL (#CONFIRMATION_UNITS) x
			     WHERE e.type = 'JURISDICTION_CONFIRMED' AND e.details ->> 'departmentCode' = e.details ->> 'returnedBy'
			       AND #in(e.occurred_at)
			    UNION ALL
			    SELECT #day(w.blown_at), x.unit_code, m.metric, '', 1
			      FROM whistle w JOIN case_file c ON c.id = w.case_id
			           CROSS JOIN LATERAL (SELECT a.ancestor AS unit_code FROM above a JOIN org_unit u ON u.code = a.ancestor
			                                WHERE a.code = w.blown_by_unit AND u.level <> 'DEPARTMENT'
			                               UNION
			                               SELECT u.code FROM org_unit u WHERE u.level = 'DEPARTMENT'
			                                  AND u.code = ANY (string_to_array(w.departments, ','))) x
			           CROSS JOIN LATERAL (VALUES ('whistles', true),
			               ('frivolousWhistles', w.judgement = 'FRIVOLOUS')) m (metric, counts)
			     WHERE #in(w.blown_at) AND m.counts
			    UNION ALL
			    SELECT #day(o.issued_at), x.unit_code, m.metric, '', 1
			      FROM supervision_order o JOIN case_file c ON c.id = o.case_id
			           CROSS JOIN LATERAL (#ORDER_UNITS) x
			           CROSS JOIN LATERAL (VALUES ('supervisionIssued', true),
			               ('supervisionRepliedOnTime', o.replied_at IS NOT NULL AND o.replied_at <= o.reply_due_at),
			               ('supervisionMissed', o.missed_at IS NOT NULL)) m (metric, counts)
			     WHERE #in(o.issued_at) AND m.counts
			    UNION ALL
			    SELECT #day(x2.escalated_at), x.unit_code, 'escalation', x2.to_level, 1
			      FROM escalation x2 JOIN case_file c ON c.id = x2.case_id CROSS JOIN LATERAL (#CASE_UNITS) x
			     WHERE #in(x2.escalated_at)
			    UNION ALL
			    SELECT #day(e.occurred_at), x.unit_code, m.metric, m.key, m.value
			      FROM case_event e JOIN mediation md ON md.case_id = e.case_id JOIN case_file c ON c.id = e.case_id
			           CROSS JOIN LATERAL (#CASE_UNITS) x
			           CROSS JOIN LATERAL (VALUES ('concluded', '', 1::bigint, true),
			               ('settled', md.level, 1, e.details ->> 'outcome' = 'SETTLED'),
			               ('notSettled', '', 1, e.details ->> 'outcome' IS DISTINCT FROM 'SETTLED'),
			               ('confirmationApplied', '', 1, e.details ->> 'outcome' = 'SETTLED'
			                                              AND md.judicial_confirmation_status = 'APPLIED'),
			               ('referral', coalesce(md.referral_channel, ''), 1, md.referral_channel IS NOT NULL),
			               ('mediationMinutes', '', trunc((extract(epoch FROM e.occurred_at)
			                                              - extract(epoch FROM md.opened_at)) / 60)::bigint, true))
			               m (metric, key, value, counts)
			     WHERE e.type = 'MEDIATION_CONCLUDED' AND e.details ->> 'outcome' IS DISTINCT FROM 'DECLINED'
			       AND #in(e.occurred_at) AND m.counts
			)
			"""
		.replace("#CASE_UNITS", CASE_UNITS)
		.replace("#CLOCK_UNITS", placeAnd("k.department_code"))
		.replace("#ORDER_UNITS", placeAnd("o.department_code"))
		.replace("#RETURN_UNITS", placeAnd("e.details ->> 'departmentCode'"))
		.replace("#CONFIRMATION_UNITS", placeAnd("e.details ->> 'returnedBy'"))
		.replaceAll("#day\\(([a-z0-9_.]+)\\)", "($1 AT TIME ZONE :zone)::date")
		.replaceAll("#in\\(([a-z0-9_.]+)\\)", "$1 >= :from AND $1 < :to");

	/** The first result sent of each case in the range, with the units it counts for: the handling hours. */
	private static final String FIRST_RESULTS = """
			SELECT (e.occurred_at AT TIME ZONE :zone)::date AS d, c.reported_at, e.occurred_at,
			       ARRAY(#CASE_UNITS) AS units
			  FROM case_event e JOIN case_file c ON c.id = e.case_id
			 WHERE e.type = 'RESULT_SENT' AND e.occurred_at >= :from AND e.occurred_at < :to
			   AND NOT EXISTS (SELECT 1 FROM case_event p
			                    WHERE p.case_id = e.case_id AND p.type = 'RESULT_SENT' AND p.id < e.id)"""
		.replace("#CASE_UNITS", CASE_UNITS);

	/** One counted quantity of a unit on a day. */
	record Row(LocalDate day, String unit, String metric, String key, long value) {
	}

	private final JdbcClient jdbc;

	private final DueDateCalculator calculator;

	private final WorkingCalendar calendar;

	private final TimeSource time;

	private final JdbcTemplate batch;

	private final TransactionTemplate ownTransaction;

	DailyRollups(JdbcClient jdbc, JdbcTemplate batch, DueDateCalculator calculator, WorkingCalendar calendar, TimeSource time,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.calculator = calculator;
		this.calendar = calendar;
		this.time = time;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The days are counted in casegrid.zone: when it changed since the roll-ups were made, they are forgotten. */
	@EventListener(ApplicationReadyEvent.class)
	void keepZone() {
		ownTransaction.executeWithoutResult(status -> {
			int changed = jdbc.sql("UPDATE report_rollup_zone SET zone = :zone WHERE id = 1 AND zone <> :zone")
				.param("zone", calendar.zone().getId())
				.update();
			if (changed > 0) {
				jdbc.sql("DELETE FROM report_rolled_day").update();
			}
		});
	}

	/** Today, in the county's zone: the first day that is never rolled up (it is still being written). */
	LocalDate today() {
		return LocalDate.ofInstant(time.now(), calendar.zone());
	}

	/**
	 * Rolls up the days of [from, to) before today that are not rolled up yet or were changed since, each run of
	 * consecutive days in its own transaction. Returns how many days were rolled up.
	 */
	public int rollUpPending(LocalDate from, LocalDate to) {
		LocalDate end = to.isAfter(today()) ? today() : to;
		if (!from.isBefore(end)) {
			return 0;
		}
		List<LocalDate> pending = pendingDays(from, end);
		int rolled = 0;
		int i = 0;
		while (i < pending.size()) {
			LocalDate first = pending.get(i);
			int j = i + 1;
			while (j < pending.size() && pending.get(j).equals(pending.get(j - 1).plusDays(1))
					&& j - i < DAYS_PER_TRANSACTION) {
				j++;
			}
			rollUp(first, pending.get(j - 1).plusDays(1));
			rolled += j - i;
			i = j;
		}
		return rolled;
	}

	/** Every day from the first case's report up to yesterday that is pending: after a bulk load (the benchmark). */
	public int rollUpAll() {
		LocalDate first = jdbc.sql("SELECT min(reported_at) FROM case_file")
			.query(OffsetDateTime.class)
			.optional()
			.map(at -> LocalDate.ofInstant(at.toInstant(), calendar.zone()))
			.orElse(today());
		return rollUpPending(first, today());
	}

	/** The days of [from, to) without a current roll-up: never rolled up, or marked dirty since. */
	List<LocalDate> pendingDays(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT d::date FROM generate_series(CAST(:from AS date), CAST(:to AS date) - 1, interval '1 day') d
				 WHERE NOT EXISTS (SELECT 1 FROM report_rolled_day r WHERE r.day = d::date)
				    OR EXISTS (SELECT 1 FROM report_dirty_day x WHERE x.day = d::date)
				 ORDER BY 1""")
			.param("from", from)
			.param("to", to)
			.query(LocalDate.class)
			.list();
	}

	/**
	 * Counts the days of [from, to) again from the raw rows, in its own transaction: idempotent. The dirty marks are
	 * deleted first, so that a change committed while the days are counted leaves its mark for the next roll-up.
	 */
	public void rollUp(LocalDate from, LocalDate to) {
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('report_rollup'))").query().singleRow();
			jdbc.sql("DELETE FROM report_dirty_day WHERE day >= :from AND day < :to")
				.param("from", from)
				.param("to", to)
				.update();
			jdbc.sql("DELETE FROM report_daily WHERE day >= :from AND day < :to")
				.param("from", from)
				.param("to", to)
				.update();
			Map<String, Object> params = range(from, to);
			jdbc.sql(SOURCES + """
					INSERT INTO report_daily (unit_code, day, metric, key, value)
					SELECT unit_code, d, metric, key, sum(value) FROM src GROUP BY 1, 2, 3, 4""")
				.params(params)
				.update();
			batch.batchUpdate("INSERT INTO report_daily (unit_code, day, metric, key, value) VALUES (?, ?, ?, ?, ?)",
					handlingHours(params, null), 1000, (statement, row) -> {
						statement.setString(1, row.unit());
						statement.setObject(2, row.day());
						statement.setString(3, row.metric());
						statement.setString(4, row.key());
						statement.setLong(5, row.value());
					});
			jdbc.sql("""
					INSERT INTO report_rolled_day (day, rolled_at)
					SELECT d::date, :at FROM generate_series(CAST(:from AS date), CAST(:to AS date) - 1, interval '1 day') d
					ON CONFLICT (day) DO UPDATE SET rolled_at = excluded.rolled_at""")
				.param("from", from)
				.param("to", to)
				.param("at", Timestamp.from(time.now()))
				.update();
		});
	}

	/**
	 * The unit's rows of the given days counted from the raw rows now, summed over the days: what a roll-up of those
	 * days would store. SQL-counted metrics come ordered as the report's tables want them.
	 */
	List<Row> live(String unit, List<LocalDate> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		LocalDate first = days.get(0);
		LocalDate last = days.get(days.size() - 1);
		Map<String, Object> params = range(first, last.plusDays(1));
		params.put("unit", unit);
		params.put("days", days);
		List<Row> rows = new ArrayList<>(jdbc.sql(SOURCES + """
				SELECT d, metric, key, sum(value) AS value FROM src
				 WHERE unit_code = :unit AND d IN (:days) GROUP BY 1, 2, 3""")
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("d", LocalDate.class), unit, rs.getString("metric"),
					rs.getString("key"), rs.getLong("value")))
			.list());
		handlingHours(params, unit).stream().filter(r -> days.contains(r.day())).forEach(rows::add);
		return rows;
	}

	/**
	 * Handling hours (working hours from the report to the first result sent) need the SLA calendar, so they are
	 * counted here: per day and unit the number of cases in each tenth-of-an-hour bucket ({@code hours}, key the
	 * bucket: the value rounded as the report shows it, so the percentile read from the buckets is the exact one) and
	 * the sum of whole seconds ({@code handlingSeconds}) for the average.
	 */
	private List<Row> handlingHours(Map<String, Object> params, String onlyUnit) {
		Map<List<Object>, long[]> counted = new HashMap<>();
		jdbc.sql(FIRST_RESULTS).params(params).query(rs -> {
			LocalDate day = rs.getObject("d", LocalDate.class);
			long seconds = workingSeconds(rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
			String bucket = Long.toString(Math.round(seconds / 3600.0 * 10.0));
			for (String unit : (String[]) rs.getArray("units").getArray()) {
				if (onlyUnit == null || onlyUnit.equals(unit)) {
					counted.computeIfAbsent(List.of(day, unit, "hours", bucket), k -> new long[1])[0]++;
					counted.computeIfAbsent(List.of(day, unit, "handlingSeconds", ""), k -> new long[1])[0] += seconds;
				}
			}
		});
		return counted.entrySet()
			.stream()
			.map(e -> new Row((LocalDate) e.getKey().get(0), (String) e.getKey().get(1), (String) e.getKey().get(2),
					(String) e.getKey().get(3), e.getValue()[0]))
			.toList();
	}

	/** Whole working seconds, never negative: the unit the handling-hour figures are made of. */
	long workingSeconds(Instant from, Instant to) {
		long seconds = calculator.workingTimeBetween(from, to).toSeconds();
		return Math.max(0, seconds);
	}

	private Map<String, Object> range(LocalDate from, LocalDate to) {
		ZoneId zone = calendar.zone();
		Map<String, Object> params = new HashMap<>();
		params.put("zone", zone.getId());
		params.put("from", OffsetDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		params.put("to", OffsetDateTime.ofInstant(to.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		return params;
	}

}
