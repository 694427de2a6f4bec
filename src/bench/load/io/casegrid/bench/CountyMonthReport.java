package io.casegrid.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The county's month over the bulk-loaded cases (issue 16), the busiest month of the archive: its days rolled up again
 * from the raw rows for every unit inside the service (the compute, goal ≤ 2 s; the loaders rolled every loaded day
 * up already), the county's figures of the month read from the roll-ups through the API ({@code GET
 * /api/v1/reports/units/{county}?month=}, both months, goal ≤ 100 ms), the whole monthly 专报 computed and published
 * inside the service, and the published report read through the API ({@code GET /api/v1/reports/monthly/{id}}, goal ≤
 * 100 ms). Each is timed a few times; the first run is cold.
 */
final class CountyMonthReport {

	static final String COUNTY = "149901";

	private static final int RUNS = 3;

	private CountyMonthReport() {
	}

	static Map<String, Object> run(Service service, Map<String, Object> goals) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		String month;
		try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
			var busiest = connection.createStatement().executeQuery("""
					SELECT to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS cases
					  FROM case_file GROUP BY 1 ORDER BY 2 DESC LIMIT 1""");
			busiest.next();
			month = busiest.getString("month");
			result.put("month", month);
			result.put("casesReportedInMonth", busiest.getLong("cases"));
		}
		List<Long> compute = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			compute.add(service.post("/bench/report-rollup?month=" + month).get("rollUpMs").asLong());
		}
		result.put("monthRollUpMs", compute);
		List<Long> figures = new ArrayList<>();
		for (int i = 0; i < RUNS + 2; i++) {
			long began = System.nanoTime();
			service.api("GET", "/api/v1/reports/units/" + COUNTY + "?month=" + month, null, "centre");
			figures.add((System.nanoTime() - began) / 1_000_000);
		}
		result.put("figuresReadMs", figures);
		var report = service.post("/bench/monthly-report?unit=" + COUNTY + "&month=" + month);
		result.put("monthlyReport", report);
		String id = report.get("reportId").asText();
		List<Long> read = new ArrayList<>();
		for (int i = 0; i < RUNS + 2; i++) {
			long began = System.nanoTime();
			service.api("GET", "/api/v1/reports/monthly/" + id, null, "centre");
			read.add((System.nanoTime() - began) / 1_000_000);
		}
		result.put("publishedReadMs", read);
		long bestCompute = compute.stream().mapToLong(Long::longValue).min().orElseThrow();
		long bestFigures = figures.stream().skip(1).mapToLong(Long::longValue).min().orElseThrow();
		long bestRead = read.stream().skip(1).mapToLong(Long::longValue).min().orElseThrow();
		goals.put("county month computed (its days rolled up) ≤ 2 s",
				Goals.atMost(bestCompute, 2000, "ms", "countyMonthReport.monthRollUpMs (best)"));
		goals.put("county month figures read from the roll-ups ≤ 100 ms",
				Goals.atMost(bestFigures, 100, "ms", "countyMonthReport.figuresReadMs (best after the first)"));
		goals.put("published county month read ≤ 100 ms",
				Goals.atMost(bestRead, 100, "ms", "countyMonthReport.publishedReadMs (best after the first)"));
		return result;
	}

}
