package io.casegrid.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The days a report counts, {@code from} inclusive to {@code to} exclusive, in the county's time zone. A month is the
 * default; any range of days works, and the previous period is the same number of days just before (the previous
 * month for a whole month).
 */
public record Period(LocalDate from, LocalDate to) {

	/** The longest period one report counts: a year and a day (leap years). */
	public static final int MAX_DAYS = 366;

	public Period {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("A period ends after it starts");
		}
	}

	public static Period month(YearMonth month) {
		return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
	}

	public boolean coversWholeMonth() {
		return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1));
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to);
	}

	/** The period just before: the previous month for a whole month, else as many days just before. */
	public Period previous() {
		if (coversWholeMonth()) {
			return new Period(from.minusMonths(1), from);
		}
		return new Period(from.minusDays(days()), from);
	}

}
