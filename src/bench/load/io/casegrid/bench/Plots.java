package io.casegrid.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's plots, drawn headless from a {@code summary.json} into PNG files: intake throughput and latency by
 * concurrency, the timer storm's completion over time and the latency distribution of each read. A plot whose figures
 * the summary does not hold is left out. The benchmark calls it at the end of a run ({@code plots/} beside
 * {@code summary.json}); {@code src/bench/plot-summary.sh} redraws them from any summary, older ones included.
 */
public final class Plots {

	private static final int WIDTH = 900;

	private static final int HEIGHT = 520;

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

	private final JsonNode summary;

	private final String run;

	private Plots(JsonNode summary, String run) {
		this.summary = summary;
		this.run = run;
	}

	/** {@code Plots <summary.json> [<folder> [<file name prefix>]]}: by default beside the summary, named after it. */
	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: Plots <summary.json> [<folder> [<prefix>]]");
			System.exit(2);
		}
		Path summary = Path.of(args[0]);
		Path folder = args.length > 1 ? Path.of(args[1]) : summary.toAbsolutePath().getParent();
		String prefix = args.length > 2 ? args[2]
				: summary.getFileName().toString().replaceFirst("\\.json$", "") + "-";
		write(summary, folder, prefix).forEach(System.out::println);
	}

	/** Draws every plot the summary has figures for; returns the files written. */
	public static List<Path> write(Path summaryFile, Path folder, String prefix) throws IOException {
		System.setProperty("java.awt.headless", "true");
		JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
		Plots plots = new Plots(summary, "run of " + summary.path("started").asText("?").replaceFirst("\\..*", ""));
		Files.createDirectories(folder);
		Map<String, JFreeChart> charts = new LinkedHashMap<>();
		charts.put("intake-throughput", plots.intakeThroughput());
		charts.put("intake-latency", plots.intakeLatency());
		charts.put("timer-storm", plots.timerStorm());
		JsonNode queries = summary.path("queries");
		if (queries.has("realistic") || queries.has("crowded")) {
			// since the realistic county joined the crowded one, the step reads both (p99 goals 50 and 150 ms)
			charts.put("query-latency-realistic", plots.queryLatency(queries.path("realistic"), "realistic county", 50));
			charts.put("query-latency-crowded", plots.queryLatency(queries.path("crowded"), "crowded worst case", 150));
		}
		else {
			charts.put("query-latency", plots.queryLatency(queries, "", 50));
		}
		List<Path> written = new ArrayList<>();
		for (var chart : charts.entrySet()) {
			if (chart.getValue() != null) {
				Path file = folder.resolve(prefix + chart.getKey() + ".png");
				ChartUtils.saveChartAsPNG(file.toFile(), chart.getValue(), WIDTH, HEIGHT);
				written.add(file);
			}
		}
		return written;
	}

	/**
	 * Reports/s at each concurrency of the intake ladder, and the cases of each level placed in a worklist per second
	 * with the backlog drained, against the raw engine's starts/s of the same run.
	 */
	private JFreeChart intakeThroughput() {
		JsonNode ladder = summary.path("intake").path("ladder");
		if (ladder.isEmpty()) {
			return null;
		}
		XYSeries reports = new XYSeries("POST /api/v1/cases (reports/s)");
		// the sustained pipeline of issue 14 (Benchmark.PIPELINE_DEFINITION), in summaries that measure it
		XYSeries placed = new XYSeries("cases placed in a worklist, backlog drained (cases/s)");
		for (JsonNode level : ladder) {
			reports.add(level.path("users").asDouble(), level.path("global").path("rps").asDouble());
			if (level.path("pipeline").has("casesPerSecond")) {
				placed.add(level.path("users").asDouble(), level.path("pipeline").path("casesPerSecond").asDouble());
			}
		}
		JFreeChart chart = placed.isEmpty()
				? xyChart("Intake throughput by concurrency", "concurrent clients (closed model)", "reports per second",
						reports)
				: xyChart("Intake throughput by concurrency", "concurrent clients (closed model)", "per second",
						reports, placed);
		double raw = summary.path("rawEngine").path("startsPerSecond").asDouble(0);
		if (raw > 0) {
			mark(chart.getXYPlot(), raw, "raw engine: %.0f starts/s".formatted(raw));
			chart.getXYPlot().getRangeAxis().setUpperBound(raw * 1.1);
		}
		logarithmicUsers(chart.getXYPlot());
		return chart;
	}

	/** p50/p95/p99 of intake at each concurrency of the ladder. */
	private JFreeChart intakeLatency() {
		JsonNode ladder = summary.path("intake").path("ladder");
		if (ladder.isEmpty()) {
			return null;
		}
		List<XYSeries> series = new ArrayList<>();
		for (String percentile : List.of("p50", "p95", "p99")) {
			XYSeries line = new XYSeries(percentile);
			for (JsonNode level : ladder) {
				line.add(level.path("users").asDouble(), level.path("global").path(percentile + "ms").asDouble());
			}
			series.add(line);
		}
		JFreeChart chart = xyChart("Intake latency by concurrency", "concurrent clients (closed model)",
				"response time (ms)", series.toArray(XYSeries[]::new));
		logarithmicUsers(chart.getXYPlot());
		return chart;
	}

	/**
	 * Escalations done against seconds after their common due time. A summary without the per-second series (runs
	 * before it was recorded) has only the lag's percentiles: those points are drawn, and the title says so.
	 */
	private JFreeChart timerStorm() {
		JsonNode timers = summary.path("timers");
		JsonNode progress = timers.path("progress");
		if (progress.isMissingNode()) {
			return null;
		}
		long count = progress.path("timers").asLong();
		XYSeries done = new XYSeries("escalations done");
		String title;
		JsonNode completion = timers.path("completion");
		if (completion.has("secondsAfterDue")) {
			done.add(0, 0);
			for (int i = 0; i < completion.path("secondsAfterDue").size(); i++) {
				done.add(completion.path("secondsAfterDue").get(i).asDouble(),
						completion.path("escalatedByThen").get(i).asDouble());
			}
			title = "Timer storm: %,d escalations due at once".formatted(count);
		}
		else {
			done.add(0, 0);
			done.add(progress.path("lagSecondsP50").asDouble(), count * 0.50);
			done.add(progress.path("lagSecondsP99").asDouble(), count * 0.99);
			done.add(progress.path("lagSecondsMax").asDouble(), progress.path("escalated").asDouble());
			title = "Timer storm: %,d escalations due at once (from the lag's p50/p99/max only)".formatted(count);
		}
		JFreeChart chart = xyChart(title, "seconds after the due time", "escalations done", done);
		mark(chart.getXYPlot(), count, "all %,d timers".formatted(count));
		ValueMarker goal = new ValueMarker(120, Color.GRAY, dashed());
		goal.setLabel("goal: all within 120 s");
		goal.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
		goal.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		chart.getXYPlot().addDomainMarker(goal);
		chart.getXYPlot().getRangeAxis().setUpperBound(count * 1.1);
		return chart;
	}

	/** Each read's response time at rising percentiles (min … max): its distribution, with the 50 ms goal. */
	private JFreeChart queryLatency(JsonNode queries, String county, int goalMs) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (String read : List.of(QuerySimulation.GRID_TASKS, QuerySimulation.TOWNSHIP_TASKS,
				QuerySimulation.AT_RISK, QuerySimulation.CASE)) {
			JsonNode figures = queries.path(read);
			if (figures.isMissingNode()) {
				continue;
			}
			if (figures.has("minMs")) {
				dataset.addValue(figures.get("minMs").asDouble(), read, "min");
			}
			for (double percentile : BenchSettings.PERCENTILES) {
				String label = "p" + (percentile % 1 == 0 ? Long.toString((long) percentile) : Double.toString(percentile));
				JsonNode value = figures.path(label.replace(".", "") + "ms");
				if (!value.isMissingNode()) {
					dataset.addValue(value.asDouble(), read, label);
				}
			}
			dataset.addValue(figures.path("maxMs").asDouble(), read, "max");
		}
		if (dataset.getRowCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createLineChart(
				"Query latency distribution (the four reads at once" + (county.isEmpty() ? "" : ", " + county) + ")",
				"percentile", "response time (ms)", dataset, PlotOrientation.VERTICAL, true, false, false);
		style(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		renderer.setDefaultShapesVisible(true);
		for (int i = 0; i < dataset.getRowCount(); i++) {
			renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
			renderer.setSeriesStroke(i, new BasicStroke(2f));
		}
		ValueMarker goal = new ValueMarker(goalMs, Color.GRAY, dashed());
		goal.setLabel("goal: p99 ≤ " + goalMs + " ms");
		goal.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		goal.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		plot.addRangeMarker(goal);
		return chart;
	}

	private JFreeChart xyChart(String title, String x, String y, XYSeries... series) {
		XYSeriesCollection dataset = new XYSeriesCollection();
		for (XYSeries one : series) {
			dataset.addSeries(one);
		}
		JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, dataset, PlotOrientation.VERTICAL, true, false,
				false);
		style(chart);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < series.length; i++) {
			renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
			renderer.setSeriesStroke(i, new BasicStroke(2f));
		}
		chart.getXYPlot().setRenderer(renderer);
		return chart;
	}

	private void style(JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		chart.addSubtitle(new org.jfree.chart.title.TextTitle(run, new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
		var plot = chart.getPlot();
		plot.setBackgroundPaint(Color.WHITE);
		if (plot instanceof XYPlot xy) {
			xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
			xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
		}
		else if (plot instanceof CategoryPlot category) {
			category.setRangeGridlinePaint(Color.LIGHT_GRAY);
		}
	}

	/** Concurrency doubles at each level: a base-2 axis spaces them evenly. */
	private static void logarithmicUsers(XYPlot plot) {
		var axis = new org.jfree.chart.axis.LogAxis(plot.getDomainAxis().getLabel());
		axis.setBase(2);
		axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
		axis.setSmallestValue(0.5);
		axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
		plot.setDomainAxis(axis);
	}

	private static void mark(XYPlot plot, double value, String label) {
		ValueMarker marker = new ValueMarker(value, Color.DARK_GRAY, dashed());
		marker.setLabel(label);
		marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
		marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
		plot.addRangeMarker(marker);
	}

	private static BasicStroke dashed() {
		return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f);
	}

}
