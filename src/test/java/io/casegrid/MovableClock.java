package io.casegrid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, for what keeps time with a {@link Clock} (attempt windows, names kept a while). */
public final class MovableClock extends Clock {

	private Instant now = Instant.parse("2026-11-30T08:00:00Z");

	public void move(Duration by) {
		now = now.plus(by);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
