package io.casegrid.sla;

import java.sql.Timestamp;
import java.time.Duration;

import io.casegrid.casefile.TimeSource;
import io.casegrid.config.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open clocks at risk and breached, by the same rules as the SLA boards ({@code GET /api/v1/sla/at-risk},
 * {@code /breaches}) but over all places: {@code casegrid_sla_clocks{state="at_risk"|"breached"}}. A breached clock
 * counts while it runs (stopped ones are history). One query per 10 s, whoever asks.
 */
@Component
class SlaMetrics {

	record Counts(double atRisk, double breached) {
	}

	SlaMetrics(JdbcClient db, TimeSource time, MeterRegistry registry) {
		CachedReading<Counts> counts = new CachedReading<>(Duration.ofSeconds(10), () -> db.sql("""
				SELECT (SELECT count(*) FROM sla_clock %s) AS at_risk,
				       (SELECT count(*) FROM sla_clock %s AND stopped_at IS NULL) AS breached
				""".formatted(SlaClockRepository.AT_RISK, SlaClockRepository.BREACHED))
			.param("now", Timestamp.from(time.now()))
			.query((row, n) -> new Counts(row.getLong("at_risk"), row.getLong("breached")))
			.single(), new Counts(Double.NaN, Double.NaN));
		Gauge.builder("casegrid.sla.clocks", counts, c -> c.get().atRisk())
			.tag("state", "at_risk")
			.description("Running clocks past their warning point and not yet due")
			.strongReference(true)
			.register(registry);
		Gauge.builder("casegrid.sla.clocks", counts, c -> c.get().breached())
			.tag("state", "breached")
			.description("Open clocks past their time limit")
			.strongReference(true)
			.register(registry);
	}

}
