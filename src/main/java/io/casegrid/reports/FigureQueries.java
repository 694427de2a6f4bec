package io.casegrid.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.mediation.MediationLevel;
import io.casegrid.mediation.ReferralChannel;
import io.casegrid.sla.calendar.DueDateCalculator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a unit's figures for a period from the product's own tables, each query bounded by the period through
 * an index (the case's report time, the timeline entry's type and time, the clock's stop or breach time, the order's
 * issue time, the whistle's time). Every definition is in {@code docs/reports.md}; {@code FigureConsistencyTests}
 * recomputes them from raw rows.
 */
@Component
class FigureQueries {

	private static final String IN_PERIOD = "%s >= :from AND %s < :to";

	private final JdbcClient jdbc;

	private final DueDateCalculator calculator;

	FigureQueries(JdbcClient jdbc, DueDateCalculator calculator) {
		this.jdbc = jdbc;
		this.calculator = calculator;
	}

	record Computed(List<Figure> figures, List<FigureTable> tables) {
	}

	Computed compute(UnitFilter filter, Period period, ZoneId zone) {
		Map<String, Object> params = new HashMap<>();
		params.put("unit", filter.unit().code());
		params.put("subtree", filter.subtree());
		params.put("from", OffsetDateTime.ofInstant(period.from().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		params.put("to", OffsetDateTime.ofInstant(period.to().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		List<Figure> figures = new ArrayList<>();
		List<FigureTable> tables = new ArrayList<>();
		volume(filter, params, figures, tables);
		timeliness(filter, params, figures);
		evaluations(filter, params, figures);
		departments(filter, params, figures, tables);
		mediation(filter, params, figures, tables);
		tables.add(hotSpots(filter, params));
		return new Computed(figures, tables);
	}

	private void volume(UnitFilter filter, Map<String, Object> params, List<Figure> figures,
			List<FigureTable> tables) {
		String received = "FROM case_file c WHERE " + period("c.reported_at") + " AND " + filter.cases();
		Map<String, Object> row = jdbc.sql("""
				SELECT count(*) AS received, count(*) FILTER (WHERE c.vulnerable) AS vulnerable,
				       count(*) FILTER (WHERE c.valid) AS valid,
				       count(*) FILTER (WHERE c.valid AND EXISTS (SELECT 1 FROM case_event r
				                                 WHERE r.case_id = c.id AND r.type = 'RESULT_SENT')) AS resolved
				""" + received).params(params).query().singleRow();
		figures.add(Figure.count("received", "受理件数", count(row, "received")));
		figures.add(Figure.count("vulnerableReceived", "困难群体诉求件数", count(row, "vulnerable")));
		figures.add(Figure.rate("completionRate", "办结率", count(row, "resolved"), count(row, "valid")));
		tables.add(table("byChannel", "受理渠道",
				"SELECT c.channel AS key, c.channel AS label, count(*) AS value " + received
						+ " GROUP BY 1 ORDER BY 3 DESC, 1",
				params, Labels.CHANNELS));
		tables.add(table("topCategories", "类别前十",
				"SELECT c.category_code AS key, coalesce(cat.name, c.category_code) AS label, count(*) AS value "
						+ received.replace("FROM case_file c",
								"FROM case_file c LEFT JOIN category cat ON cat.code = c.category_code")
						+ " GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 10",
				params, Map.of()));
		tables.add(table("byLevel", "研判层级",
				"SELECT coalesce(c.start_level, 'UNPLACED') AS key, coalesce(c.start_level, 'UNPLACED') AS label,"
						+ " count(*) AS value " + received + " GROUP BY 1 ORDER BY 3 DESC, 1",
				params, Labels.LEVELS));
	}

	private void timeliness(UnitFilter filter, Map<String, Object> params, List<Figure> figures) {
		Map<String, long[]> byPhase = new HashMap<>();
		jdbc.sql("""
				SELECT k.phase,
				       count(*) FILTER (WHERE k.stop_reason = 'MET' AND %s) AS met,
				       count(*) FILTER (WHERE %s) AS late
				  FROM sla_clock k JOIN case_file c ON c.id = k.case_id
				 WHERE k.phase IN ('ACCEPTANCE', 'HANDLING') AND ((%s) OR (%s)) AND %s
				 GROUP BY k.phase""".formatted(period("k.stopped_at"), period("k.breached_at"),
				period("k.stopped_at"), period("k.breached_at"), filter.clocks()))
			.params(params)
			.query((rs, n) -> byPhase.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		long[] acceptance = byPhase.getOrDefault("ACCEPTANCE", new long[2]);
		long[] handling = byPhase.getOrDefault("HANDLING", new long[2]);
		figures.add(Figure.rate("acceptanceOnTimeRate", "按期签收率", acceptance[0], acceptance[0] + acceptance[1]));
		figures.add(Figure.rate("handlingOnTimeRate", "按期办结率", handling[0], handling[0] + handling[1]));
		figures.add(Figure.count("overdueCases", "超期件数", jdbc.sql("""
				SELECT count(DISTINCT k.case_id) FROM sla_clock k JOIN case_file c ON c.id = k.case_id
				 WHERE %s AND %s""".formatted(period("k.breached_at"), filter.clocks()))
			.params(params)
			.query(Long.class)
			.single()));
		List<Double> hours = jdbc.sql("""
				SELECT c.reported_at, e.occurred_at
				  FROM case_event e JOIN case_file c ON c.id = e.case_id
				 WHERE e.type = 'RESULT_SENT' AND %s AND %s
				   AND NOT EXISTS (SELECT 1 FROM case_event p
				                    WHERE p.case_id = e.case_id AND p.type = 'RESULT_SENT' AND p.id < e.id)"""
			.formatted(period("e.occurred_at"), filter.cases()))
			.params(params)
			.query((rs, n) -> workingHours(rs.getObject(1, OffsetDateTime.class).toInstant(),
					rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list();
		figures.add(Figure.measure("handlingHoursAverage", "平均办理时长（工作小时）",
				hours.isEmpty() ? null : hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
		figures.add(Figure.measure("handlingHoursP90", "办理时长90分位（工作小时）", percentile90(hours)));
	}

	private double workingHours(Instant from, Instant to) {
		Duration working = calculator.workingTimeBetween(from, to);
		return working.isNegative() ? 0 : working.toSeconds() / 3600.0;
	}

	/** Nearest rank: the smallest value that at least 90 % of the values do not exceed. */
	static Double percentile90(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(0.9 * sorted.size());
		return sorted.get(rank - 1);
	}

	private void evaluations(UnitFilter filter, Map<String, Object> params, List<Figure> figures) {
		Map<String, Object> row = jdbc.sql("""
				SELECT count(*) FILTER (WHERE e.type = 'EVALUATED') AS given,
				       count(*) FILTER (WHERE e.type = 'EVALUATED'
				                          AND e.details ->> 'score' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
				       count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.details ->> 'score' = 'DISSATISFIED') AS dissatisfied,
				       count(*) FILTER (WHERE e.type = 'EVALUATION_DEFAULTED') AS defaulted,
				       count(*) FILTER (WHERE e.type = 'REDO') AS redo
				  FROM case_event e JOIN case_file c ON c.id = e.case_id
				 WHERE e.type IN ('EVALUATED', 'EVALUATION_DEFAULTED', 'REDO') AND %s AND %s"""
			.formatted(period("e.occurred_at"), filter.cases())).params(params).query().singleRow();
		long given = count(row, "given");
		figures.add(Figure.count("evaluationsGiven", "群众评价件数", given));
		figures.add(Figure.rate("satisfactionRate", "满意率", count(row, "satisfied"), given));
		figures.add(Figure.count("dissatisfied", "不满意件数", count(row, "dissatisfied")));
		figures.add(Figure.count("defaultSatisfied", "默认满意件数", count(row, "defaulted")));
		figures.add(Figure.rate("redoRate", "重办率", count(row, "redo"), given + count(row, "defaulted")));
	}

	private void departments(UnitFilter filter, Map<String, Object> params, List<Figure> figures,
			List<FigureTable> tables) {
		Map<String, Object> returns = jdbc.sql("""
				SELECT count(*) FILTER (WHERE e.type = 'DEPARTMENT_RETURNED' AND %s) AS returned,
				       count(*) FILTER (WHERE e.type = 'JURISDICTION_CONFIRMED'
				                          AND e.details ->> 'departmentCode' = e.details ->> 'returnedBy' AND %s) AS unjustified
				  FROM case_event e JOIN case_file c ON c.id = e.case_id
				 WHERE e.type IN ('DEPARTMENT_RETURNED', 'JURISDICTION_CONFIRMED') AND %s"""
			.formatted(filter.returns(), filter.jurisdiction(), period("e.occurred_at")))
			.params(params)
			.query()
			.singleRow();
		figures.add(Figure.count("departmentReturns", "退单件数", count(returns, "returned")));
		figures.add(Figure.count("unjustifiedReturns", "确权后认定推诿件数", count(returns, "unjustified")));
		Map<String, Object> whistles = jdbc.sql("""
				SELECT count(*) AS blown, count(*) FILTER (WHERE w.judgement = 'FRIVOLOUS') AS frivolous
				  FROM whistle w JOIN case_file c ON c.id = w.case_id WHERE %s AND %s"""
			.formatted(period("w.blown_at"), filter.whistles())).params(params).query().singleRow();
		figures.add(Figure.count("whistles", "吹哨件数", count(whistles, "blown")));
		figures.add(Figure.count("frivolousWhistles", "乱吹哨件数", count(whistles, "frivolous")));
		Map<String, Object> orders = jdbc.sql("""
				SELECT count(*) AS issued,
				       count(*) FILTER (WHERE o.replied_at IS NOT NULL AND o.replied_at <= o.reply_due_at) AS on_time,
				       count(*) FILTER (WHERE o.missed_at IS NOT NULL) AS missed
				  FROM supervision_order o JOIN case_file c ON c.id = o.case_id WHERE %s AND %s"""
			.formatted(period("o.issued_at"), filter.orders())).params(params).query().singleRow();
		figures.add(Figure.count("supervisionIssued", "督办单件数", count(orders, "issued")));
		figures.add(Figure.count("supervisionRepliedOnTime", "督办单按期回复", count(orders, "on_time")));
		figures.add(Figure.count("supervisionMissed", "督办单逾期未复", count(orders, "missed")));
		FigureTable escalations = table("escalationsByLevel", "升级（按上升至层级）", """
				SELECT x.to_level AS key, x.to_level AS label, count(*) AS value
				  FROM escalation x JOIN case_file c ON c.id = x.case_id
				 WHERE %s AND %s GROUP BY 1 ORDER BY 1""".formatted(period("x.escalated_at"), filter.cases()),
				params, Labels.LEVELS);
		figures.add(Figure.count("escalations", "升级件次", escalations.total()));
		tables.add(escalations);
	}

	private void mediation(UnitFilter filter, Map<String, Object> params, List<Figure> figures,
			List<FigureTable> tables) {
		long accepted = jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
				 WHERE e.type = 'MEDIATION_ACCEPTED' AND %s AND %s"""
			.formatted(period("e.occurred_at"), filter.cases())).params(params).query(Long.class).single();
		figures.add(Figure.count("disputesAccepted", "受理纠纷件数", accepted));
		Map<String, Long> settledByLevel = new LinkedHashMap<>();
		for (MediationLevel level : MediationLevel.values()) {
			settledByLevel.put(level.name(), 0L);
		}
		Map<String, Long> referrals = new LinkedHashMap<>();
		long[] concluded = new long[4]; // settled, failed (not settled, timed out), applied for confirmation, days
		List<Double> days = new ArrayList<>();
		jdbc.sql("""
				SELECT m.level, e.details ->> 'outcome' AS outcome, m.judicial_confirmation_status, m.referral_channel,
				       m.opened_at, e.occurred_at
				  FROM case_event e JOIN mediation m ON m.case_id = e.case_id JOIN case_file c ON c.id = e.case_id
				 WHERE e.type = 'MEDIATION_CONCLUDED' AND %s AND %s"""
			.formatted(period("e.occurred_at"), filter.cases())).params(params).query((rs, n) -> {
				String outcome = rs.getString("outcome");
				if ("DECLINED".equals(outcome)) {
					return null;
				}
				if ("SETTLED".equals(outcome)) {
					concluded[0]++;
					settledByLevel.merge(rs.getString("level"), 1L, Long::sum);
					if ("APPLIED".equals(rs.getString("judicial_confirmation_status"))) {
						concluded[2]++;
					}
				}
				else {
					concluded[1]++;
				}
				if (rs.getString("referral_channel") != null) {
					referrals.merge(rs.getString("referral_channel"), 1L, Long::sum);
				}
				days.add(Duration
					.between(rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("occurred_at",
							OffsetDateTime.class))
					.toMinutes() / 1440.0);
				return null;
			}).list();
		figures.add(Figure.count("disputesSettled", "调解成功件数", concluded[0]));
		figures.add(Figure.rate("mediationSuccessRate", "调解成功率", concluded[0], concluded[0] + concluded[1]));
		figures.add(Figure.rate("judicialConfirmationRate", "司法确认申请率", concluded[2], concluded[0]));
		figures.add(Figure.measure("mediationDaysAverage", "平均调解天数",
				days.isEmpty() ? null : days.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
		tables.add(new FigureTable("settledByLevel", "调解成功（按层级）", settledByLevel.entrySet()
			.stream()
			.map(e -> new FigureTable.Row(e.getKey(), MediationLevel.valueOf(e.getKey()).label(), e.getValue()))
			.toList()));
		tables.add(new FigureTable("referralsByChannel", "转介（按渠道）", referrals.entrySet()
			.stream()
			.map(e -> new FigureTable.Row(e.getKey(), ReferralChannel.valueOf(e.getKey()).label(), e.getValue()))
			.toList()));
	}

	/** The grids with the most cases of one category: the console's map. */
	private FigureTable hotSpots(UnitFilter filter, Map<String, Object> params) {
		List<FigureTable.Row> rows = jdbc.sql("""
				SELECT c.grid_code || '/' || c.category_code AS key,
				       g.name || ' · ' || coalesce(cat.name, c.category_code) AS label, count(*) AS value
				  FROM case_file c JOIN org_unit g ON g.code = c.grid_code
				       LEFT JOIN category cat ON cat.code = c.category_code
				 WHERE %s AND %s
				 GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 20""".formatted(period("c.reported_at"), filter.cases()))
			.params(params)
			.query((rs, n) -> new FigureTable.Row(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
		return new FigureTable("hotSpots", "热点网格（网格 · 类别）", rows);
	}

	private FigureTable table(String key, String title, String sql, Map<String, Object> params,
			Map<String, String> labels) {
		List<FigureTable.Row> rows = jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new FigureTable.Row(rs.getString("key"),
					labels.getOrDefault(rs.getString("label"), rs.getString("label")), rs.getLong("value")))
			.list();
		return new FigureTable(key, title, rows);
	}

	private static String period(String column) {
		return IN_PERIOD.formatted(column, column);
	}

	private static long count(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
