package io.casegrid.notify;

import java.time.Duration;

import io.casegrid.config.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Messages to people that will never be sent — refused for good by their channel, or failing past the retry period:
 * {@code casegrid_notifications_messages{status="dead"}}, read from the database (all nodes' messages, kept across
 * restarts) at most once per 5 s. Each also left a WARN line naming the message, its channel and recipient.
 */
@Component
class NotificationMetrics {

	NotificationMetrics(NotificationMessages messages, MeterRegistry registry) {
		CachedReading<Double> dead = new CachedReading<>(Duration.ofSeconds(5), () -> (double) messages.deadCount(),
				Double.NaN);
		Gauge.builder("casegrid.notifications.messages", dead, CachedReading::get)
			.tag("status", "dead")
			.description("Messages to people that ended DEAD (undeliverable, or failing past the retry period)")
			.strongReference(true)
			.register(registry);
	}

}
