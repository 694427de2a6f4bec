package io.casegrid.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which days are working days in China, for SLA clocks that count working time (工作日). A day is a working day when
 * it is a Monday to Friday that is not a public holiday, or a weekend day that the State Council made a working day
 * (调休上班). The national calendar ships with the product, one file per year, because the holidays move every year
 * and are only announced in the autumn before; an administrator's {@link CalendarOverrides overrides} (e.g. a
 * county-specific day off) win over it.
 * <p>
 * For a year without a shipped file the calendar does not fail: it counts Monday to Friday as working days (plus
 * overrides) and logs a warning once per year, because a due date that ignores a holiday is better than no due date.
 */
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	/** From this day of a year on, the next year's calendar should be there: notices come out in October/November. */
	static final MonthDay NEXT_YEAR_EXPECTED_BY = MonthDay.of(12, 1);

	private final HolidayNotices notices;

	private final CalendarOverrides overrides;

	private final WorkingHours hours;

	private final ZoneId zone;

	private final Set<Integer> yearsReportedMissing = ConcurrentHashMap.newKeySet();

	/**
	 * @param overrides local changes that win over the shipped calendar
	 * @param hours the office hours of every working day
	 * @param zone where the office is, e.g. Asia/Shanghai
	 */
	public WorkingCalendar(CalendarOverrides overrides, WorkingHours hours, ZoneId zone) {
		this(new HolidayNotices(), overrides, hours, zone);
	}

	WorkingCalendar(HolidayNotices notices, CalendarOverrides overrides, WorkingHours hours, ZoneId zone) {
		this.notices = Objects.requireNonNull(notices);
		this.overrides = Objects.requireNonNull(overrides);
		this.hours = Objects.requireNonNull(hours);
		this.zone = Objects.requireNonNull(zone);
	}

	public boolean isWorkingDay(LocalDate day) {
		return days().isWorkingDay(day);
	}

	/**
	 * Whether the calendar knows the holidays of the year: the product ships its notice, or an administrator entered
	 * days of that year as overrides.
	 */
	public boolean hasDataFor(int year) {
		return notices.of(year).isPresent()
				|| !overrides.overridesBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).isEmpty();
	}

	/**
	 * A warning to show operators when the calendar of the current year is missing, or, from 1 December on, that of
	 * the next year: without it, working-time due dates in that year ignore public holidays and make-up working days.
	 */
	public Optional<String> missingNextYearWarning(LocalDate today) {
		int year = today.getYear();
		if (!hasDataFor(year)) {
			return Optional.of(missing(year, "this year"));
		}
		if (!MonthDay.from(today).isBefore(NEXT_YEAR_EXPECTED_BY) && !hasDataFor(year + 1)) {
			return Optional.of(missing(year + 1, "next year"));
		}
		return Optional.empty();
	}

	private static String missing(int year, String which) {
		return ("No working-day calendar for %d (%s): working-time SLA due dates in %d will count Monday to Friday as "
				+ "working days, ignoring public holidays and make-up working days (调休). Add %s%d.yaml from the "
				+ "State Council notice (国务院办公厅关于%d年部分节假日安排的通知) and release, or enter the days as "
				+ "calendar overrides.")
			.formatted(year, which, year, HolidayNotices.LOCATION, year, year);
	}

	public WorkingHours hours() {
		return hours;
	}

	public ZoneId zone() {
		return zone;
	}

	/** A view for one computation: reads each year's overrides at most once. Not thread-safe; do not keep it. */
	Days days() {
		return new Days();
	}

	private Optional<Boolean> shipped(LocalDate day) {
		Optional<HolidayNotice> notice = notices.of(day.getYear());
		if (notice.isEmpty() && yearsReportedMissing.add(day.getYear())) {
			log.warn(missing(day.getYear(), "asked for " + day));
		}
		Optional<Boolean> working = notice.flatMap(n -> n.working(day));
		if (working.isEmpty() && day.getMonthValue() == 12) {
			// 元旦 of the next year may start on 30 or 31 December
			working = notices.of(day.getYear() + 1).flatMap(n -> n.working(day));
		}
		return working;
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	final class Days {

		private final Map<Integer, Map<LocalDate, Boolean>> overridesByYear = new HashMap<>();

		private Days() {
		}

		boolean isWorkingDay(LocalDate day) {
			Boolean override = overridesByYear
				.computeIfAbsent(day.getYear(),
						year -> overrides.overridesBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
				.get(day);
			if (override != null) {
				return override;
			}
			return shipped(day).orElseGet(() -> !weekend(day));
		}

		/** The office hours of the day as instants; none on a day off. */
		List<Interval> workingPeriods(LocalDate day) {
			return isWorkingDay(day) ? hours.on(day, zone) : List.of();
		}

		ZoneId zone() {
			return zone;
		}

	}

}
