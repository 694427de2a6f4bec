package io.casegrid.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time from {@code start} (inclusive) to {@code end} (exclusive), e.g. a pause of an SLA clock. A pause
 * that is still running is passed with {@code end} = now.
 */
public record Interval(Instant start, Instant end) {

	public Interval {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("Interval ends (" + end + ") before it starts (" + start + ")");
		}
	}

	public Duration length() {
		return Duration.between(start, end);
	}

}
