package io.casegrid.process;

import java.time.Duration;

import io.casegrid.config.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's job backlog as gauges: {@code casegrid_jobs{state="due"}} (executable now: due, retries left, not
 * suspended, not locked), {@code state="locked"} (taken by a job executor now), {@code state="failed"} (no retries
 * left: each has an incident) and {@code casegrid_incidents_open}. One query over the job table per 10 s, whoever
 * asks.
 */
@Component
class JobMetrics {

	record Backlog(double due, double locked, double failed, double incidents) {
	}

	private static final Backlog UNKNOWN = new Backlog(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	JobMetrics(JdbcClient db, MeterRegistry registry) {
		CachedReading<Backlog> backlog = new CachedReading<>(Duration.ofSeconds(10), () -> db.sql("""
				SELECT count(*) FILTER (WHERE retries_ > 0 AND suspension_state_ = 1
				                          AND (duedate_ IS NULL OR duedate_ <= localtimestamp)
				                          AND (lock_exp_time_ IS NULL OR lock_exp_time_ < localtimestamp)) AS due,
				       count(*) FILTER (WHERE lock_exp_time_ >= localtimestamp) AS locked,
				       count(*) FILTER (WHERE retries_ = 0) AS failed,
				       (SELECT count(*) FROM act_ru_incident) AS incidents
				  FROM act_ru_job
				""").query((row, n) -> new Backlog(row.getLong("due"), row.getLong("locked"), row.getLong("failed"),
				row.getLong("incidents"))).single(), UNKNOWN);
		gauge(registry, "due", backlog, Backlog::due, "Jobs the executor could run now (due, retries left, unlocked)");
		gauge(registry, "locked", backlog, Backlog::locked, "Jobs a job executor holds now");
		gauge(registry, "failed", backlog, Backlog::failed, "Jobs without retries left (each has an incident)");
		Gauge.builder("casegrid.incidents.open", backlog, b -> b.get().incidents())
			.description("Open engine incidents (failed jobs, failed external tasks)")
			.strongReference(true)
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, String state, CachedReading<Backlog> backlog,
			java.util.function.ToDoubleFunction<Backlog> value, String description) {
		Gauge.builder("casegrid.jobs", backlog, b -> value.applyAsDouble(b.get()))
			.tag("state", state)
			.description(description)
			.strongReference(true)
			.register(registry);
	}

}
