package io.casegrid.bench;

import java.time.Instant;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the benchmark driver asks of the service from the inside; see {@code src/bench/README.md}. */
@RestController
@Profile("bench")
@RequestMapping("/bench")
class BenchController {

	private final RawEngineAnchor rawEngine;

	private final StatementCounter statements;

	private final OpenCaseCloner cloner;

	private final ArchivedCaseLoader archive;

	private final TimerStorm timers;

	private final SyntheticCounty county;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final io.casegrid.reports.MonthlyReports monthlyReports;

	private final io.casegrid.reports.DailyRollups rollups;

	BenchController(RawEngineAnchor rawEngine, StatementCounter statements, OpenCaseCloner cloner,
			ArchivedCaseLoader archive, TimerStorm timers, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			io.casegrid.reports.MonthlyReports monthlyReports, SyntheticCounty county,
			io.casegrid.reports.DailyRollups rollups) {
		this.county = county;
		this.monthlyReports = monthlyReports;
		this.rollups = rollups;
		this.jdbc = jdbc;
		this.rawEngine = rawEngine;
		this.statements = statements;
		this.cloner = cloner;
		this.archive = archive;
		this.timers = timers;
	}

	/**
	 * Computes and publishes a unit's monthly 专报 as the process's two service tasks do (figures, both rankings, the
	 * six months' trend), timed inside the service: what the review then reads, frozen.
	 */
	@PostMapping("/monthly-report")
	Map<String, Object> monthlyReport(@RequestParam String unit, @RequestParam String month) {
		long began = System.nanoTime();
		var draft = monthlyReports.compute(unit, java.time.YearMonth.parse(month), null);
		long computed = System.nanoTime();
		var published = monthlyReports.publish(draft.id(), "benchmark", "bench");
		return Map.of("reportId", published.id().toString(), "computeMs", (computed - began) / 1_000_000,
				"publishMs", (System.nanoTime() - computed) / 1_000_000, "contentBytes", published.content().length());
	}

	/** Rolls up the month's days again from the raw rows (every unit), timed inside the service: the reports' compute. */
	@PostMapping("/report-rollup")
	Map<String, Object> reportRollup(@RequestParam String month) {
		var period = io.casegrid.reports.Period.month(java.time.YearMonth.parse(month));
		long began = System.nanoTime();
		rollups.rollUp(period.from(), period.to());
		return Map.of("rollUpMs", (System.nanoTime() - began) / 1_000_000, "days", period.days());
	}

	@PostMapping("/raw-engine")
	Map<String, Object> rawEngine(@RequestParam int threads, @RequestParam int instances) throws Exception {
		return rawEngine.run(threads, instances);
	}

	@PostMapping("/statements/reset")
	void resetStatements() {
		statements.reset();
	}

	@GetMapping("/statements")
	Map<String, Object> statements(@RequestParam int operations) {
		return statements.sinceReset(operations);
	}

	/**
	 * Copies of the open template cases: all templates, or those of one township; numbered from {@code firstCopy}
	 * (two loads into one database need apart ranges); left where the template happened or spread over the synthetic
	 * county ({@code spread=true}, after {@code POST /bench/synthetic-county}).
	 */
	@PostMapping("/open-cases")
	Map<String, Object> cloneOpenCases(@RequestParam String templatePrefix, @RequestParam int copies,
			@RequestParam(required = false) String township, @RequestParam(defaultValue = "1") int firstCopy,
			@RequestParam(defaultValue = "false") boolean spread,
			@RequestParam(defaultValue = "2880") int spreadMinutes, @RequestParam(defaultValue = "500") int batch) {
		return cloner.cloneOpenCases(templatePrefix, township, copies, firstCopy, spread, spreadMinutes, batch);
	}

	@PostMapping("/synthetic-county")
	Map<String, Object> syntheticCounty() {
		return county.create();
	}

	@PostMapping("/archived-cases")
	Map<String, Object> archivedCases(@RequestParam int cases, @RequestParam(defaultValue = "3") int years,
			@RequestParam(defaultValue = "50000") int batch) {
		return archive.load(cases, years, batch);
	}

	@PostMapping("/timer-storm")
	Map<String, Object> timerStorm(@RequestParam int count, @RequestParam Instant due) {
		return timers.prepare(count, due);
	}

	@GetMapping("/timer-storm")
	Map<String, Object> timerStormProgress() {
		return timers.progress();
	}

	@GetMapping("/timer-storm/completion")
	Map<String, Object> timerStormCompletion() {
		return timers.completion();
	}

	@GetMapping("/timer-storm/statements")
	Map<String, Object> timerStormStatements() {
		return timers.statements();
	}

	@PostMapping("/future-timers")
	Map<String, Object> futureTimers(@RequestParam int count) {
		return timers.parkFutureTimers(count);
	}

	/** Work the job executor still has to do now (due jobs with retries left), and jobs that gave up. */
	@GetMapping("/backlog")
	Map<String, Object> backlog() {
		// polled every 250 ms while a step waits: the due jobs are an index range (casegrid_job_duedate_idx), not a
		// count of the whole job table (1.37 M rows after the future timers: 0.7 s a poll, taken from what it waits for)
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM act_ru_job WHERE duedate_ <= now() AND retries_ > 0)
				     + (SELECT count(*) FROM act_ru_job WHERE duedate_ IS NULL AND retries_ > 0) AS due,
				       (SELECT count(*) FROM act_ru_job WHERE retries_ = 0 AND duedate_ <= now()) AS failed""")
			.query()
			.singleRow();
	}

}
