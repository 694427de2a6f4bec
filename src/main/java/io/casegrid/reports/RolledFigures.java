package io.casegrid.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.mediation.MediationLevel;
import io.casegrid.mediation.ReferralChannel;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A unit's figures for a period, read from the daily roll-ups ({@link DailyRollups}): the stored counts of the days
 * rolled up and current, the raw rows counted now for the others (today, a day changed since its roll-up), summed
 * and turned into the figures of docs/reports.md. Call it inside one transaction (a snapshot) so that both parts see
 * the same data; {@code FigureConsistencyTests} recomputes every figure from raw rows and compares.
 */
@Component
class RolledFigures {

	private final JdbcClient jdbc;

	private final DailyRollups rollups;

	private final OrgDirectory org;

	RolledFigures(JdbcClient jdbc, DailyRollups rollups, OrgDirectory org) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.org = org;
	}

	record Computed(List<Figure> figures, List<FigureTable> tables) {
	}

	Computed compute(String unit, Period period) {
		List<LocalDate> live = rollups.pendingDays(period.from(), period.to());
		Counts counts = new Counts();
		String notLive = live.isEmpty() ? "" : " AND day NOT IN (:live)";
		Map<String, Object> params = new HashMap<>();
		params.put("unit", unit);
		params.put("from", period.from());
		params.put("to", period.to());
		if (!live.isEmpty()) {
			params.put("live", live);
		}
		jdbc.sql("SELECT metric, key, sum(value) AS value FROM report_daily"
				+ " WHERE unit_code = :unit AND day >= :from AND day < :to" + notLive + " GROUP BY metric, key")
			.params(params)
			.query(rs -> {
				counts.add(rs.getString("metric"), rs.getString("key"), rs.getLong("value"));
			});
		rollups.live(unit, live).forEach(row -> counts.add(row.metric(), row.key(), row.value()));
		return assemble(counts);
	}

	/** Sums of the day rows by metric and key. */
	private static final class Counts {

		private final Map<String, Map<String, Long>> byMetric = new HashMap<>();

		void add(String metric, String key, long value) {
			byMetric.computeIfAbsent(metric, m -> new HashMap<>()).merge(key, value, Long::sum);
		}

		long get(String metric) {
			return keys(metric).values().stream().mapToLong(Long::longValue).sum();
		}

		Map<String, Long> keys(String metric) {
			return byMetric.getOrDefault(metric, Map.of());
		}

	}

	private Computed assemble(Counts c) {
		List<Figure> figures = new ArrayList<>();
		List<FigureTable> tables = new ArrayList<>();
		figures.add(Figure.count("received", "受理件数", c.get("received")));
		figures.add(Figure.count("vulnerableReceived", "困难群体诉求件数", c.get("vulnerableReceived")));
		figures.add(Figure.rate("completionRate", "办结率", c.get("resolved"), c.get("valid")));
		long acceptanceMet = c.get("acceptanceMet");
		long handlingMet = c.get("handlingMet");
		figures.add(Figure.rate("acceptanceOnTimeRate", "按期签收率", acceptanceMet,
				acceptanceMet + c.get("acceptanceLate")));
		figures.add(Figure.rate("handlingOnTimeRate", "按期办结率", handlingMet, handlingMet + c.get("handlingLate")));
		figures.add(Figure.count("overdueCases", "超期件数", c.keys("overdue").size()));
		Map<String, Long> hours = c.keys("hours");
		long handled = hours.values().stream().mapToLong(Long::longValue).sum();
		figures.add(Figure.measure("handlingHoursAverage", "平均办理时长（工作小时）",
				handled == 0 ? null : averageHours(c.get("handlingSeconds"), handled)));
		figures.add(Figure.measure("handlingHoursP90", "办理时长90分位（工作小时）", percentile90(hours)));
		long given = c.get("evaluated");
		long defaulted = c.get("defaulted");
		figures.add(Figure.count("evaluationsGiven", "群众评价件数", given));
		figures.add(Figure.rate("satisfactionRate", "满意率", c.get("satisfied"), given));
		figures.add(Figure.count("dissatisfied", "不满意件数", c.get("dissatisfied")));
		figures.add(Figure.count("defaultSatisfied", "默认满意件数", defaulted));
		figures.add(Figure.rate("redoRate", "重办率", c.get("redo"), given + defaulted));
		figures.add(Figure.count("departmentReturns", "退单件数", c.get("returned")));
		figures.add(Figure.count("unjustifiedReturns", "确权后认定推诿件数", c.get("unjustified")));
		figures.add(Figure.count("whistles", "吹哨件数", c.get("whistles")));
		figures.add(Figure.count("frivolousWhistles", "乱吹哨件数", c.get("frivolousWhistles")));
		figures.add(Figure.count("supervisionIssued", "督办单件数", c.get("supervisionIssued")));
		figures.add(Figure.count("supervisionRepliedOnTime", "督办单按期回复", c.get("supervisionRepliedOnTime")));
		figures.add(Figure.count("supervisionMissed", "督办单逾期未复", c.get("supervisionMissed")));
		figures.add(Figure.count("escalations", "升级件次", c.get("escalation")));
		figures.add(Figure.count("disputesAccepted", "受理纠纷件数", c.get("disputesAccepted")));
		long settled = c.get("settled");
		long concluded = c.get("concluded");
		figures.add(Figure.count("disputesSettled", "调解成功件数", settled));
		figures.add(Figure.rate("mediationSuccessRate", "调解成功率", settled, settled + c.get("notSettled")));
		figures.add(Figure.rate("judicialConfirmationRate", "司法确认申请率", c.get("confirmationApplied"), settled));
		figures.add(Figure.measure("mediationDaysAverage", "平均调解天数",
				concluded == 0 ? null : averageDays(c.get("mediationMinutes"), concluded)));

		Map<String, String> categories = new HashMap<>();
		jdbc.sql("SELECT code, name FROM category").query(rs -> {
			categories.put(rs.getString("code"), rs.getString("name"));
		});
		tables.add(table("byChannel", "受理渠道", c.keys("channel"), largestFirst(), Integer.MAX_VALUE,
				key -> key == null ? null : Labels.CHANNELS.getOrDefault(key, key)));
		tables.add(table("topCategories", "类别前十", c.keys("category"), largestFirst(), 10,
				key -> key == null ? null : categories.getOrDefault(key, key)));
		tables.add(table("byLevel", "研判层级", c.keys("level"), largestFirst(), Integer.MAX_VALUE,
				key -> Labels.LEVELS.getOrDefault(key, key)));
		tables.add(table("escalationsByLevel", "升级（按上升至层级）", c.keys("escalation"),
				Comparator.comparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())),
				Integer.MAX_VALUE, key -> Labels.LEVELS.getOrDefault(key, key)));
		List<FigureTable.Row> settledByLevel = new ArrayList<>();
		for (MediationLevel level : MediationLevel.values()) {
			settledByLevel.add(new FigureTable.Row(level.name(), level.label(),
					c.keys("settled").getOrDefault(level.name(), 0L)));
		}
		tables.add(new FigureTable("settledByLevel", "调解成功（按层级）", settledByLevel));
		List<FigureTable.Row> referrals = new ArrayList<>();
		for (ReferralChannel channel : ReferralChannel.values()) {
			Long n = c.keys("referral").get(channel.name());
			if (n != null) {
				referrals.add(new FigureTable.Row(channel.name(), channel.label(), n));
			}
		}
		tables.add(new FigureTable("referralsByChannel", "转介（按渠道）", referrals));
		tables.add(table("hotSpots", "热点网格（网格 · 类别）", c.keys("hotSpot"), largestFirst(), 20,
				key -> hotSpotLabel(key, categories)));
		return new Computed(figures, tables);
	}

	/** The average of whole working seconds, in hours: the same arithmetic as the raw recomputation. */
	static double averageHours(long seconds, long cases) {
		return (double) seconds / cases / 3600.0;
	}

	static double averageDays(long minutes, long disputes) {
		return (double) minutes / disputes / 1440.0;
	}

	/**
	 * Nearest rank over the tenth-of-an-hour buckets: the smallest value that at least 90 % of the values do not
	 * exceed. The bucket is the value rounded as the figure shows it, and rounding keeps the order, so this is the
	 * percentile of the exact values, rounded.
	 */
	static Double percentile90(Map<String, Long> buckets) {
		long total = buckets.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long rank = (long) Math.ceil(0.9 * total);
		long seen = 0;
		for (Map.Entry<Long, Long> bucket : buckets.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(e -> Long.parseLong(e.getKey()), Map.Entry::getValue, Long::sum,
					java.util.TreeMap::new))
			.entrySet()) {
			seen += bucket.getValue();
			if (seen >= rank) {
				return bucket.getKey() / 10.0;
			}
		}
		throw new IllegalStateException("rank beyond the values");
	}

	private String hotSpotLabel(String key, Map<String, String> categories) {
		if (key == null) {
			return null;
		}
		int slash = key.indexOf('/');
		String grid = key.substring(0, slash);
		String category = key.substring(slash + 1);
		return org.find(grid).map(OrgUnit::name).orElse(grid) + " · " + categories.getOrDefault(category, category);
	}

	private static Comparator<Map.Entry<String, Long>> largestFirst() {
		return Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
			.reversed()
			.thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder()));
	}

	/** A table of the keys' sums; the key '' stands for a case without one (no category): shown empty. */
	private static FigureTable table(String key, String title, Map<String, Long> values,
			Comparator<Map.Entry<String, Long>> order, int limit, java.util.function.UnaryOperator<String> label) {
		Map<String, Long> decoded = new LinkedHashMap<>();
		values.forEach((k, v) -> decoded.merge(k.isEmpty() ? null : k, v, Long::sum));
		return new FigureTable(key, title, decoded.entrySet()
			.stream()
			.sorted(order)
			.limit(limit)
			.map(e -> new FigureTable.Row(e.getKey(), label.apply(e.getKey()), e.getValue()))
			.toList());
	}

}
