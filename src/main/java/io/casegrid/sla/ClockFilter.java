package io.casegrid.sla;

import java.time.Instant;

/** Which clocks a dashboard asks for; every criterion is optional. */
public record ClockFilter(String unit, String level, String department, Instant dueFrom, Instant dueTo) {
}
