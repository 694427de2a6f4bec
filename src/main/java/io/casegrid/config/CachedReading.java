package io.casegrid.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per period, for gauges: Prometheus (and every other reader) may ask as often as it likes,
 * the database answers one query per period. A failed read is logged and gives {@code fallback} until the next
 * period. Gauges hold their state weakly: register with {@code strongReference(true)}.
 */
public final class CachedReading<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

	private final Duration period;

	private final Supplier<T> read;

	private final T fallback;

	private final Clock clock = Clock.systemUTC();

	private T value;

	private Instant readAt = Instant.MIN;

	public CachedReading(Duration period, Supplier<T> read, T fallback) {
		this.period = period;
		this.read = read;
		this.fallback = fallback;
	}

	public synchronized T get() {
		Instant now = clock.instant();
		if (value == null || now.isAfter(readAt.plus(period))) {
			try {
				value = read.get();
			}
			catch (RuntimeException ex) {
				log.warn("Could not read a gauge's value: {}", ex.toString());
				value = fallback;
			}
			readAt = now;
		}
		return value;
	}

}
