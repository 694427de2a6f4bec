package io.casegrid.sla.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Overrides kept in memory, standing in for table {@code calendar_override}; counts how often it is asked. */
final class FakeCalendarOverrides implements CalendarOverrides {

	private final TreeMap<LocalDate, Boolean> days = new TreeMap<>();

	private int queries;

	FakeCalendarOverrides dayOff(String day) {
		days.put(LocalDate.parse(day), false);
		return this;
	}

	FakeCalendarOverrides workingDay(String day) {
		days.put(LocalDate.parse(day), true);
		return this;
	}

	int queries() {
		return queries;
	}

	@Override
	public Map<LocalDate, Boolean> overridesBetween(LocalDate from, LocalDate to) {
		queries++;
		return Map.copyOf(days.subMap(from, true, to, true));
	}

}
