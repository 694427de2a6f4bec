package io.casegrid.sla.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One year of the national calendar as the State Council's notice announces it: the holidays (放假调休) and the
 * weekend days that are working days instead (调休上班).
 *
 * @param year the year the notice is for
 * @param title the notice's title, e.g. 国务院办公厅关于2026年部分节假日安排的通知
 * @param url where the notice is published
 * @param holidays the days off, as periods
 * @param makeUpWorkingDays the weekend days that are working days
 */
record HolidayNotice(int year, String title, String url, List<HolidayPeriod> holidays,
		List<MakeUpWorkingDay> makeUpWorkingDays) {

	HolidayNotice {
		holidays = List.copyOf(holidays);
		makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
	}

	/** Whether the notice makes the day a day off (false) or a working day (true); empty if it does not mention it. */
	Optional<Boolean> working(LocalDate day) {
		for (HolidayPeriod holiday : holidays) {
			if (holiday.contains(day)) {
				return Optional.of(false);
			}
		}
		for (MakeUpWorkingDay makeUp : makeUpWorkingDays) {
			if (makeUp.date().equals(day)) {
				return Optional.of(true);
			}
		}
		return Optional.empty();
	}

	/** A holiday, e.g. 春节 from 2026-02-15 to 2026-02-23, both inclusive. */
	record HolidayPeriod(String name, LocalDate from, LocalDate to) {

		boolean contains(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}

		List<LocalDate> days() {
			return from.datesUntil(to.plusDays(1)).toList();
		}

	}

	/** A Saturday or Sunday that is a working day because of a holiday (调休上班). */
	record MakeUpWorkingDay(LocalDate date, String holiday) {
	}

}
