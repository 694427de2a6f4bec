package io.casegrid.sla;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a clock's history: STARTED, WARNED, PAUSED, RESUMED, EXTENDED, BREACHED, STOPPED, with the due time it
 * left behind.
 */
@Table("sla_clock_event")
public record ClockEvent(Instant at, String type, Instant dueAt, String note, String actor) {
}
