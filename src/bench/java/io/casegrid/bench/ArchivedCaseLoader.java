package io.casegrid.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.casegrid.reports.DailyRollups;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads years of archived cases in bulk: case files, their timelines (eight entries each, the six steps and the
 * evaluation) and their stopped SLA clocks, spread over the past {@code years}, over the demo county's grids and
 * categories. Archived cases have no engine rows left: their runtime rows are gone and Camunda's history of them is
 * removed after its time to live, so this is what years of use leave in the database.
 */
@Component
@Profile("bench")
class ArchivedCaseLoader {

	private final JdbcClient jdbc;

	/** The reports' daily roll-ups, made for the loaded days as the service makes them for a report. */
	private final DailyRollups rollups;

	private final TransactionTemplate transaction;

	ArchivedCaseLoader(JdbcClient jdbc, TransactionTemplate transaction, DailyRollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.transaction = transaction;
	}

	Map<String, Object> load(int cases, int years, int batch) {
		long began = System.nanoTime();
		long events = 0;
		for (int from = 1; from <= cases; from += batch) {
			events += batch(from, Math.min(from + batch - 1, cases), years);
		}
		jdbc.sql("ANALYZE").update();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("cases", cases);
		result.put("timelineEntries", events);
		result.put("seconds", Math.round((System.nanoTime() - began) / 1e8) / 10.0);
		long rolling = System.nanoTime();
		result.put("reportDaysRolledUp", rollups.rollUpAll());
		result.put("reportRollUpSeconds", Math.round((System.nanoTime() - rolling) / 1e8) / 10.0);
		return result;
	}

	/** One transaction: the batch's temporary table lives on its connection until the commit. */
	private long batch(int from, int to, int years) {
		return transaction.execute(status -> {
			jdbc.sql("""
					CREATE TEMP TABLE archived_batch ON COMMIT DROP AS
					SELECT md5('archived:' || n)::uuid AS id, n,
					       now() - (random() * :years * 365 + 10) * interval '1 day' AS reported_at,
					       (SELECT code FROM org_unit WHERE level = 'GRID' ORDER BY code OFFSET (n % 8) LIMIT 1) AS grid,
					       (SELECT code FROM category ORDER BY code OFFSET (n % 10) LIMIT 1) AS category
					  FROM generate_series(:from, :to) AS g(n)""")
				.param("years", years)
				.param("from", from)
				.param("to", to)
				.update();
			jdbc.sql("""
					INSERT INTO case_file (id, case_number, channel, category_code, title, description, address,
					       unit_code, grid_code, village_code, township_code, county_code, reported_at, step, track,
					       handling_unit_code, resolution, valid, redo_count, evaluation_score, evaluation_at,
					       evaluation_defaulted, archived_at, version)
					SELECT b.id, 'JA-' || lpad(b.n::text, 9, '0'), 'HOTLINE_12345', b.category, '历史案件 ' || b.n,
					       '已办结归档的历史诉求，用于查询基准。', '云岭县', b.grid, b.grid, g.parent_code,
					       v.parent_code, t.parent_code, b.reported_at, 'ARCHIVED', 'GRID', b.grid, '已办结', true, 0,
					       'SATISFIED', b.reported_at + interval '3 days', false, b.reported_at + interval '4 days', 1
					  FROM archived_batch b
					  JOIN org_unit g ON g.code = b.grid
					  JOIN org_unit v ON v.code = g.parent_code
					  JOIN org_unit t ON t.code = v.parent_code""").update();
			long events = jdbc.sql("""
					INSERT INTO case_event (case_id, occurred_at, type, step, actor, summary)
					SELECT b.id, b.reported_at + s.offset_hours * interval '1 hour', s.type, s.step, 'bench', s.summary
					  FROM archived_batch b,
					       (VALUES (0, 'REPORTED', 'REPORTED', '问题上报'), (0, 'FILED', 'FILED', '案卷建立'),
					               (1, 'DISPATCHED', 'DISPATCHED', '任务指派'), (2, 'SIGNED_FOR', 'HANDLING', '签收'),
					               (30, 'RESOLVED', 'HANDLING', '办结'), (31, 'RESULT_SENT', 'FEEDBACK', '反馈结果'),
					               (72, 'EVALUATED', 'FEEDBACK', '评价：满意'), (96, 'ARCHIVED', 'ARCHIVED', '结案归档'))
					       AS s(offset_hours, type, step, summary)""").update();
			jdbc.sql("""
					INSERT INTO sla_clock (id, case_id, phase, level, unit_code, sla_class, time_limit, counting,
					       started_at, due_at, warn_at, budget, stopped_at, stop_reason, version)
					SELECT md5('archived-clock:' || b.n)::uuid, b.id, 'HANDLING', 'GRID', b.grid, 'SMALL', 'P2D',
					       'WORKING', b.reported_at, b.reported_at + interval '2 days',
					       b.reported_at + interval '36 hours', 'PT14H', b.reported_at + interval '30 hours',
					       'MET', 1
					  FROM archived_batch b""").update();
			return events;
		});
	}

}
