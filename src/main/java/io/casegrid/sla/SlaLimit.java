package io.casegrid.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import io.casegrid.sla.calendar.DueDateCalculator;

/**
 * A time limit as the SLA policy states it: an ISO-8601 period or duration ({@code PT2H}, {@code P2D}) and how it
 * counts. Whole days in working time are working days (费时事2天 = two working days, not 48 office hours).
 */
public record SlaLimit(String iso, Counting counting) {

	public SlaLimit {
		if (iso == null || !iso.startsWith("P")) {
			throw new IllegalArgumentException("Not an ISO-8601 time limit: " + iso);
		}
		parts(iso);
	}

	/** When the limit is used up for a clock started at {@code start}. */
	public Instant dueFrom(Instant start, DueDateCalculator calculator) {
		Parts parts = parts(iso);
		if (counting == Counting.NATURAL) {
			return calculator.addNaturalTime(start, parts.time().plusDays(parts.days()));
		}
		Instant afterDays = parts.days() == 0 ? start : calculator.addWorkingDays(start, parts.days());
		return parts.time().isZero() ? afterDays : calculator.addWorkingTime(afterDays, parts.time());
	}

	private record Parts(int days, Duration time) {
	}

	private static Parts parts(String iso) {
		int t = iso.indexOf('T');
		String datePart = t < 0 ? iso : iso.substring(0, t);
		String timePart = t < 0 ? null : "P" + iso.substring(t);
		int days = datePart.equals("P") ? 0 : Period.parse(datePart).getDays();
		if (!datePart.equals("P") && !Period.parse(datePart).withDays(0).isZero()) {
			throw new IllegalArgumentException("Time limits are given in days, hours and minutes: " + iso);
		}
		return new Parts(days, timePart == null ? Duration.ZERO : Duration.parse(timePart));
	}

}
