package io.casegrid.sla;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One pause of a clock; {@code endedAt} is null while it lasts. */
@Table("sla_clock_pause")
public record ClockPause(Instant startedAt, Instant endedAt, String reason) {

	ClockPause ended(Instant at) {
		return new ClockPause(startedAt, at, reason);
	}

}
