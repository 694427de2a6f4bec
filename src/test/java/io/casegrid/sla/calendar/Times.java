package io.casegrid.sla.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Instants written as local time in Beijing, as the examples in the notices and SLA rules are. */
final class Times {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private Times() {
	}

	/** {@code at("2026-02-13T16:00")}: that local time in Beijing. */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
	}

	static WorkingCalendar calendar(CalendarOverrides overrides) {
		return new WorkingCalendar(overrides, WorkingHours.GOVERNMENT_OFFICE, BEIJING);
	}

}
