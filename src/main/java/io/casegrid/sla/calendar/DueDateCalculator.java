package io.casegrid.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * SLA clock arithmetic: due dates and remaining time, in natural time (7×24) or in working time (only office hours
 * on working days of the {@link WorkingCalendar}). Time limits of 接诉即办 are set either way, and a clock can be
 * paused (e.g. while waiting for the reporter), so both kinds and pauses are handled in one place.
 * <p>
 * Rules for working time:
 * <ul>
 * <li>A clock started outside office hours (at night, at lunch, on a day off) starts counting at the beginning of the
 * next office-hours span.</li>
 * <li>A due date is the earliest instant at which the limit is used up, so it can be the end of a span (e.g. 17:30)
 * but never the start of one, unless the limit is zero: then it is the start itself.</li>
 * </ul>
 */
public class DueDateCalculator {

	/** A clock that finds no working day within this many days is misconfigured (e.g. every day overridden off). */
	private static final int MAX_DAYS_WITHOUT_WORK = 3 * 366;

	private final WorkingCalendar calendar;

	public DueDateCalculator(WorkingCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar);
	}

	/** {@code start + amount}: natural time counts every hour of every day. */
	public Instant addNaturalTime(Instant start, Duration amount) {
		requireNotNegative(amount);
		return start.plus(amount);
	}

	/** The instant at which {@code amount} of working time has passed since {@code start}. */
	public Instant addWorkingTime(Instant start, Duration amount) {
		requireNotNegative(amount);
		return addWorkingTime(calendar.days(), start, amount);
	}

	/**
	 * The working time from {@code from} to {@code to}, e.g. the time left until a due date; negative when {@code to}
	 * is before {@code from} (overdue by that much).
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		return workingTimeBetween(calendar.days(), from, to);
	}

	/**
	 * The same clock time on the {@code days}-th working day after {@code start}, e.g. received Friday 10:00, three
	 * working days → Wednesday 10:00. A start outside office hours first moves to the beginning of the next
	 * office-hours span, as for {@link #addWorkingTime}: received Saturday (or Friday 20:00), one working day → Tuesday
	 * 08:30. Either way exactly {@code days} full days of working time lie between start and result. Zero days gives
	 * the start itself.
	 */
	public Instant addWorkingDays(Instant start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("Working days must not be negative: " + days);
		}
		if (days == 0) {
			return start;
		}
		WorkingCalendar.Days calendarDays = calendar.days();
		ZonedDateTime counted = startOfCounting(calendarDays, start).atZone(calendarDays.zone());
		LocalDate day = counted.toLocalDate();
		LocalTime clock = counted.toLocalTime();
		for (int i = 0; i < days; i++) {
			day = nextWorkingDay(calendarDays, day);
		}
		return ZonedDateTime.of(day, clock, calendarDays.zone()).toInstant();
	}

	/**
	 * The due date of a clock that started at {@code start} with {@code limit} and stood still during {@code pauses}
	 * (e.g. 挂起 while waiting for the reporter): the due date moves on by the time spent paused, counted in working or
	 * natural time like the limit. Pauses may overlap or run before the start; a pause that begins at or after the
	 * due date changes nothing. A pause still running is passed with end = now.
	 */
	public Instant dueAfterPauses(Instant start, Duration limit, List<Interval> pauses, boolean workingTime) {
		requireNotNegative(limit);
		WorkingCalendar.Days days = workingTime ? calendar.days() : null;
		Instant cursor = start;
		Duration remaining = limit;
		for (Interval pause : merged(pauses)) {
			if (!pause.end().isAfter(cursor)) {
				continue;
			}
			Instant pauseStart = pause.start().isAfter(cursor) ? pause.start() : cursor;
			Duration running = workingTime ? workingTimeBetween(days, cursor, pauseStart)
					: Duration.between(cursor, pauseStart);
			if (remaining.compareTo(running) <= 0) {
				break;
			}
			remaining = remaining.minus(running);
			cursor = pause.end();
		}
		return workingTime ? addWorkingTime(days, cursor, remaining) : cursor.plus(remaining);
	}

	private static Instant addWorkingTime(WorkingCalendar.Days days, Instant start, Duration amount) {
		if (amount.isZero()) {
			return start;
		}
		Duration remaining = amount;
		LocalDate day = LocalDate.ofInstant(start, days.zone());
		int daysWithoutWork = 0;
		while (true) {
			List<Interval> periods = days.workingPeriods(day);
			daysWithoutWork = periods.isEmpty() ? daysWithoutWork + 1 : 0;
			checkNotStuck(daysWithoutWork, start);
			for (Interval period : periods) {
				if (!period.end().isAfter(start)) {
					continue;
				}
				Instant from = period.start().isAfter(start) ? period.start() : start;
				Duration available = Duration.between(from, period.end());
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
			day = day.plusDays(1);
		}
	}

	private static Duration workingTimeBetween(WorkingCalendar.Days days, Instant from, Instant to) {
		if (to.isBefore(from)) {
			return workingTimeBetween(days, to, from).negated();
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, days.zone());
		for (LocalDate day = LocalDate.ofInstant(from, days.zone()); !day.isAfter(last); day = day.plusDays(1)) {
			for (Interval period : days.workingPeriods(day)) {
				Instant overlapStart = period.start().isAfter(from) ? period.start() : from;
				Instant overlapEnd = period.end().isBefore(to) ? period.end() : to;
				if (overlapEnd.isAfter(overlapStart)) {
					total = total.plus(Duration.between(overlapStart, overlapEnd));
				}
			}
		}
		return total;
	}

	/** The start itself when it lies within office hours (ends included), else the start of the next span. */
	private static Instant startOfCounting(WorkingCalendar.Days days, Instant start) {
		LocalDate day = LocalDate.ofInstant(start, days.zone());
		int daysWithoutWork = 0;
		while (true) {
			List<Interval> periods = days.workingPeriods(day);
			daysWithoutWork = periods.isEmpty() ? daysWithoutWork + 1 : 0;
			checkNotStuck(daysWithoutWork, start);
			for (Interval period : periods) {
				if (!start.isAfter(period.end())) {
					return period.start().isAfter(start) ? period.start() : start;
				}
			}
			day = day.plusDays(1);
		}
	}

	private static LocalDate nextWorkingDay(WorkingCalendar.Days days, LocalDate after) {
		LocalDate day = after.plusDays(1);
		for (int i = 1; !days.isWorkingDay(day); i++) {
			checkNotStuck(i, after.atStartOfDay(days.zone()).toInstant());
			day = day.plusDays(1);
		}
		return day;
	}

	private static void checkNotStuck(int daysWithoutWork, Instant start) {
		if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
			throw new IllegalStateException("No working day within " + MAX_DAYS_WITHOUT_WORK + " days after " + start
					+ "; check the calendar overrides");
		}
	}

	/** The pauses in order of start, overlapping or touching ones joined. */
	private static List<Interval> merged(List<Interval> pauses) {
		List<Interval> sorted = new ArrayList<>(pauses);
		sorted.sort(Comparator.comparing(Interval::start));
		List<Interval> merged = new ArrayList<>();
		for (Interval pause : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !pause.start().isAfter(last.end())) {
				if (pause.end().isAfter(last.end())) {
					merged.set(merged.size() - 1, new Interval(last.start(), pause.end()));
				}
			}
			else {
				merged.add(pause);
			}
		}
		return merged;
	}

	private static void requireNotNegative(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Time limit must not be negative: " + amount);
		}
	}

}
