package io.casegrid.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark judged by issue 14's goal table, row by row, from the figures of one run's {@code summary.json}
 * (ratios against the raw engine anchor of the same run). Each row carries its measured {@code value}, the
 * {@code goal}, {@code met} and {@code from} (where in the summary the value comes from). A row whose step did not
 * run (or, for a ratio, whose raw anchor did not) is absent, so that a run of a few steps stays readable; a row whose
 * step failed is there with {@code met: false} and the failure.
 */
final class Goals {

	/** Issue 14's rows, in the order of its table. */
	static final String STATEMENTS_PER_CASE = "statements per case until its handling task waits";

	static final String STATEMENTS_PER_TASK = "statements per claim + complete of a handling task";

	static final String SUSTAINED_PIPELINE = "sustained pipeline (cases/s fully placed in a worklist, backlog drained) ÷ raw starts/s";

	static final String INTAKE_BURST = "HTTP intake burst ÷ raw starts/s";

	static final String INTAKE_P99 = "intake p99 at half the peak rate";

	static final String TASK_WORK = "claim + complete ÷ raw completions/s";

	static final String QUERIES_REALISTIC = "worklist, township list by due, at-risk board, case with timeline — p99, realistic county";

	static final String QUERIES_CROWDED = "the same on the crowded worst case (≈ 25,000 tasks in one worklist)";

	static final String ESCALATIONS = "10,000 escalations due at once, one node: all done / p99 lag";

	static final String START_TO_READY = "start to ready, run command, existing data";

	private static final List<String> READS = List.of(QuerySimulation.GRID_TASKS, QuerySimulation.TOWNSHIP_TASKS,
			QuerySimulation.AT_RISK, QuerySimulation.CASE);

	private Goals() {
	}

	/** Issue 14's table judged from {@code summary}; rows whose figures the summary lacks are left out. */
	static Map<String, Object> judge(JsonNode summary) {
		Map<String, Object> goals = new LinkedHashMap<>();
		double rawStarts = summary.path("rawEngine").path("startsPerSecond").asDouble(0);
		double rawCompletions = summary.path("rawEngine").path("completionsPerSecond").asDouble(0);
		row(goals, STATEMENTS_PER_CASE, summary, "statementsPerOperation", step -> {
			double value = step.path("caseStartToHandlingTask").path("perOperation").asDouble();
			return atMost(value, 60, "statements", "statementsPerOperation.caseStartToHandlingTask.perOperation");
		});
		row(goals, STATEMENTS_PER_TASK, summary, "statementsPerOperation", step -> {
			double value = step.path("claimAndCompleteHandlingTask").path("perOperation").asDouble();
			return atMost(value, 50, "statements", "statementsPerOperation.claimAndCompleteHandlingTask.perOperation");
		});
		if (rawStarts > 0) {
			row(goals, SUSTAINED_PIPELINE, summary, "intake", step -> {
				JsonNode sustained = step.path("sustainedPipeline");
				if (sustained.isMissingNode()) {
					return null;
				}
				double cases = sustained.path("casesPerSecond").asDouble();
				Map<String, Object> row = atLeast(ratio(cases, rawStarts), 0.5, null,
						"intake.sustainedPipeline.casesPerSecond ÷ rawEngine.startsPerSecond");
				row.put("casesPerSecond", cases);
				row.put("rawStartsPerSecond", rawStarts);
				row.put("users", sustained.path("users").asInt());
				row.put("definition", sustained.path("definition").asText(Benchmark.PIPELINE_DEFINITION));
				return row;
			});
			row(goals, INTAKE_BURST, summary, "intake", step -> {
				double peak = step.path("peakReportsPerSecond").asDouble();
				Map<String, Object> row = atLeast(ratio(peak, rawStarts), 0.7, null,
						"intake.peakReportsPerSecond ÷ rawEngine.startsPerSecond");
				row.put("reportsPerSecond", peak);
				row.put("rawStartsPerSecond", rawStarts);
				row.put("users", step.path("peakUsers").asInt());
				return row;
			});
		}
		row(goals, INTAKE_P99, summary, "intake", step -> {
			if (!step.has("halfPeak")) {
				return null;
			}
			Map<String, Object> row = atMost(step.path("halfPeak").path("global").path("p99ms").asDouble(), 250, "ms",
					"intake.halfPeak.global.p99ms");
			row.put("ratePerSecond", step.path("halfPeak").path("ratePerSecond").asDouble());
			return row;
		});
		if (rawCompletions > 0) {
			row(goals, TASK_WORK, summary, "taskWork", step -> {
				// the best level of the step (4 or 8 clients): its completions/s, each after a claim of the same task
				double best = 0;
				String level = null;
				for (var one : step.properties()) {
					double completions = one.getValue().path("completionsPerSecond").asDouble(0);
					if (completions > best) {
						best = completions;
						level = one.getKey();
					}
				}
				Map<String, Object> row = atLeast(ratio(best, rawCompletions), 0.5, null,
						"taskWork.<best level>.completionsPerSecond ÷ rawEngine.completionsPerSecond");
				row.put("completionsPerSecond", best);
				row.put("rawCompletionsPerSecond", rawCompletions);
				row.put("level", level);
				return row;
			});
		}
		row(goals, QUERIES_REALISTIC, summary, "queries", step -> reads(step.path("realistic"), 50, "realistic"));
		row(goals, QUERIES_CROWDED, summary, "queries", step -> reads(step.path("crowded"), 150, "crowded"));
		row(goals, ESCALATIONS, summary, "timers", step -> {
			long timers = step.path("prepared").path("timers").asLong();
			long escalated = step.path("progress").path("escalated").asLong();
			double allDone = step.path("secondsFromDueToLastEscalation").asDouble();
			double lag = step.path("progress").path("lagSecondsP99").asDouble();
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("allDoneSeconds", allDone);
			value.put("lagP99Seconds", Math.round(lag * 10) / 10.0);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("value", value);
			row.put("goal", "≤ 120 s / ≤ 30 s");
			row.put("met", escalated >= timers && allDone <= 120 && lag <= 30);
			row.put("from", "timers.secondsFromDueToLastEscalation / timers.progress.lagSecondsP99");
			row.put("timers", timers);
			row.put("escalated", escalated);
			return row;
		});
		row(goals, START_TO_READY, summary, "restart", step -> {
			Map<String, Object> row = atMost(step.path("secondsToReady").asDouble(), 20, "s", "restart.secondsToReady");
			row.put("how", step.path("how").asText());
			row.put("firstStartSecondsToReadyFresh", step.path("firstStartSecondsToReady").asDouble());
			return row;
		});
		return goals;
	}

	/** The four reads' p99 against one goal: the row's value is the slowest read's. */
	private static Map<String, Object> reads(JsonNode county, int goalMs, String name) {
		if (county.isMissingNode()) {
			return null;
		}
		Map<String, Object> byRead = new LinkedHashMap<>();
		double worst = 0;
		for (String read : READS) {
			double p99 = county.path(read).path("p99ms").asDouble(Double.NaN);
			byRead.put(read, p99);
			worst = Double.isNaN(p99) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, p99);
		}
		Map<String, Object> row = atMost(worst, goalMs, "ms", "queries." + name + ".<read>.p99ms (the slowest read)");
		row.put("byRead", byRead);
		return row;
	}

	/** A row judged from its step's figures; {@code judge} answers null where the figures of the row are not there. */
	private static void row(Map<String, Object> goals, String figure, JsonNode summary, String step,
			Function<JsonNode, Map<String, Object>> judge) {
		JsonNode figures = summary.path(step);
		if (figures.isMissingNode() || figures.isNull() || figures.has("skipped")) {
			return;
		}
		if (figures.has("failed")) {
			goals.put(figure, Map.of("met", false, "failed", figures.path("failed").asText()));
			return;
		}
		Map<String, Object> row = judge.apply(figures);
		if (row != null) {
			goals.put(figure, row);
		}
	}

	static Map<String, Object> atMost(double value, double goal, String unit, String from) {
		return entry(value, "≤ " + number(goal) + (unit == null ? "" : " " + unit), value <= goal, from);
	}

	static Map<String, Object> atLeast(double value, double goal, String unit, String from) {
		return entry(value, "≥ " + number(goal) + (unit == null ? "" : " " + unit), value >= goal, from);
	}

	private static Map<String, Object> entry(double value, String goal, boolean met, String from) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("value", value);
		row.put("goal", goal);
		// NaN (a figure missing) is never met
		row.put("met", met && !Double.isNaN(value));
		row.put("from", from);
		return row;
	}

	private static double ratio(double value, double anchor) {
		return Math.round(value / anchor * 1000) / 1000.0;
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
