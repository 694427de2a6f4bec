package io.casegrid.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.escalation.ThreeLevelResponseProcess;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes many SLA breach timers fall due in the same minute and watches the job executor work them off: each fired
 * timer escalates its case one level (an {@code escalation} row written at the moment it ran), so the lag of a timer
 * is {@code escalated_at − due}. Also parks many timers far in the future, to see whether a large job table slows
 * the rest down.
 */
@Component
@Profile("bench")
class TimerStorm {

	private final JdbcClient jdbc;

	private Instant due;

	private Instant prepared;

	private int count;

	private final StatementCounter statements;

	TimerStorm(JdbcClient jdbc, StatementCounter statements) {
		this.jdbc = jdbc;
		this.statements = statements;
	}

	/** Moves the breach timers of {@code count} open cases to {@code due} (all in the same minute). */
	synchronized Map<String, Object> prepare(int count, Instant due) {
		jdbc.sql("DROP TABLE IF EXISTS bench_storm").update();
		int moved = jdbc.sql("""
				CREATE TABLE bench_storm AS
				SELECT job.id_ AS job_id, instance.business_key_::uuid AS case_id
				  FROM act_ru_job job
				  JOIN act_ru_jobdef definition ON definition.id_ = job.job_def_id_
				  JOIN act_ru_execution instance ON instance.id_ = job.process_instance_id_
				 WHERE definition.act_id_ = :activity AND job.lock_owner_ IS NULL
				 ORDER BY job.id_ LIMIT :count""")
			.param("activity", ThreeLevelResponseProcess.Ids.TIMER_HANDLE_BREACH)
			.param("count", count)
			.update();
		// the progress queries below run every 2 s during the storm: keyed and analysed, they cost milliseconds; without,
		// the planner guessed a nested loop over the whole table per escalation (≈ 1 s of a core each poll, taken
		// from the storm it measures)
		jdbc.sql("CREATE INDEX ON bench_storm (case_id)").update();
		jdbc.sql("CREATE INDEX ON bench_storm (job_id)").update();
		jdbc.sql("ANALYZE bench_storm").update();
		jdbc.sql("UPDATE act_ru_job SET duedate_ = :due WHERE id_ IN (SELECT job_id FROM bench_storm)")
			.param("due", java.sql.Timestamp.from(due))
			.update();
		this.due = due;
		this.count = moved;
		this.prepared = Instant.now();
		// from here on pg_stat_statements counts what the storm costs (and the executor's idle polls until it is due)
		statements.reset();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("timers", moved);
		result.put("due", due.toString());
		return result;
	}

	/** How far the storm has got: escalations written since it was prepared, and their lag behind the due time. */
	synchronized Map<String, Object> progress() {
		Map<String, Object> row = jdbc.sql("""
				SELECT count(*) AS escalated,
				       max(e.escalated_at) AS last_at,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.escalated_at - :due)) AS p50,
				       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.escalated_at - :due)) AS p99,
				       max(extract(epoch FROM e.escalated_at - :due)) AS max
				  FROM escalation e
				 WHERE e.case_id IN (SELECT case_id FROM bench_storm) AND e.trigger = 'SLA_BREACH'
				   AND e.escalated_at >= :prepared""")
			.param("due", java.sql.Timestamp.from(due))
			.param("prepared", java.sql.Timestamp.from(prepared))
			.query()
			.singleRow();
		long pending = jdbc.sql("SELECT count(*) FROM act_ru_job WHERE id_ IN (SELECT job_id FROM bench_storm)")
			.query(Long.class)
			.single();
		long failing = jdbc.sql("""
				SELECT count(*) FROM act_ru_job
				 WHERE id_ IN (SELECT job_id FROM bench_storm) AND exception_msg_ IS NOT NULL""")
			.query(Long.class)
			.single();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("timers", count);
		result.put("due", due.toString());
		result.put("escalated", row.get("escalated"));
		result.put("pendingJobs", pending);
		result.put("failingJobs", failing);
		Object last = row.get("last_at");
		result.put("lastEscalatedAt", last == null ? null : ((java.sql.Timestamp) last).toInstant().toString());
		result.put("lagSecondsP50", row.get("p50"));
		result.put("lagSecondsP99", row.get("p99"));
		result.put("lagSecondsMax", row.get("max"));
		return result;
	}

	/**
	 * The storm's completion over time, for the plot: per whole second after the due time (escalations that ran
	 * early count at 0), how many of its escalations were done by the end of that second.
	 */
	synchronized Map<String, Object> completion() {
		List<long[]> perSecond = jdbc.sql("""
				SELECT greatest(0, ceil(extract(epoch FROM e.escalated_at - :due)))::bigint AS second, count(*) AS done
				  FROM escalation e
				 WHERE e.case_id IN (SELECT case_id FROM bench_storm) AND e.trigger = 'SLA_BREACH'
				   AND e.escalated_at >= :prepared
				 GROUP BY 1 ORDER BY 1""")
			.param("due", java.sql.Timestamp.from(due))
			.param("prepared", java.sql.Timestamp.from(prepared))
			.query((rows, i) -> new long[] { rows.getLong("second"), rows.getLong("done") })
			.list();
		List<Long> seconds = new ArrayList<>();
		List<Long> done = new ArrayList<>();
		long total = 0;
		for (long[] second : perSecond) {
			total += second[1];
			seconds.add(second[0]);
			done.add(total);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("timers", count);
		result.put("secondsAfterDue", seconds);
		result.put("escalatedByThen", done);
		return result;
	}

	/**
	 * The SQL statements since the storm was prepared, per escalation written: the statements that read or write
	 * the benchmark's own {@code bench_storm} table (the progress polls) are left out.
	 */
	synchronized Map<String, Object> statements() {
		long escalated = jdbc.sql("""
				SELECT count(*) FROM escalation
				 WHERE case_id IN (SELECT case_id FROM bench_storm) AND trigger = 'SLA_BREACH'
				   AND escalated_at >= :prepared""")
			.param("prepared", java.sql.Timestamp.from(prepared))
			.query(Long.class)
			.single();
		return statements.sinceReset((int) escalated, "bench_storm", 60);
	}

	/**
	 * Parks {@code count} more timer jobs a year ahead: copies of existing breach timers of open cases (same
	 * execution and job definition), so the job table is as large as a county with that many pending timers.
	 */
	Map<String, Object> parkFutureTimers(int count) {
		long began = System.nanoTime();
		int inserted = jdbc.sql("""
				INSERT INTO act_ru_job (id_, rev_, type_, lock_exp_time_, lock_owner_, exclusive_, execution_id_,
				       process_instance_id_, process_def_id_, process_def_key_, retries_, exception_stack_id_,
				       exception_msg_, failed_act_id_, duedate_, repeat_, repeat_offset_, handler_type_, handler_cfg_,
				       deployment_id_, suspension_state_, job_def_id_, priority_, sequence_counter_, tenant_id_,
				       create_time_, last_failure_log_id_, batch_id_, root_proc_inst_id_)
				SELECT 'future-' || g.n, 1, job.type_, NULL, NULL, job.exclusive_, job.execution_id_,
				       job.process_instance_id_, job.process_def_id_, job.process_def_key_, job.retries_, NULL, NULL,
				       NULL, now() + interval '365 days' + g.n * interval '1 second', NULL, 0, job.handler_type_,
				       job.handler_cfg_, job.deployment_id_, job.suspension_state_, job.job_def_id_, job.priority_, 1,
				       job.tenant_id_, now(), NULL, NULL, job.root_proc_inst_id_
				  FROM generate_series(1, :count) AS g(n)
				  JOIN LATERAL (SELECT * FROM act_ru_job WHERE type_ = 'timer' AND id_ NOT LIKE 'future-%'
				                 OFFSET (g.n % 1000) LIMIT 1) job ON true""")
			.param("count", count)
			.update();
		jdbc.sql("ANALYZE act_ru_job").update();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("futureTimers", inserted);
		result.put("jobTableRows", jdbc.sql("SELECT count(*) FROM act_ru_job").query(Long.class).single());
		result.put("seconds", Math.round((System.nanoTime() - began) / 1e8) / 10.0);
		return result;
	}

}
