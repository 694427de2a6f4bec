package io.casegrid.sla.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * Local changes to the working-day calendar entered by an administrator, e.g. a county-specific day off (working =
 * false) or a Saturday the centre works (working = true). They win over the national calendar shipped with the
 * product.
 */
public interface CalendarOverrides {

	/** No local changes. */
	CalendarOverrides NONE = (from, to) -> Map.of();

	/** The overridden days between {@code from} and {@code to} (both inclusive): day → is it a working day. */
	Map<LocalDate, Boolean> overridesBetween(LocalDate from, LocalDate to);

}
