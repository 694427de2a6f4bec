package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTests {

	private final FakeCalendarOverrides overrides = new FakeCalendarOverrides();

	private final WorkingCalendar calendar = Times.calendar(overrides);

	@ParameterizedTest(name = "{0} ({1}) working: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-13 | Friday before 春节                 | true
			2026-02-14 | Saturday, 春节 make-up working day | true
			2026-02-15 | Sunday, first day of 春节         | false
			2026-02-16 | Monday in 春节                     | false
			2026-02-23 | Monday, last day of 春节           | false
			2026-02-24 | Tuesday after 春节                 | true
			2026-02-28 | Saturday, 春节 make-up working day | true
			2026-03-01 | plain Sunday                       | false
			2025-09-28 | Sunday, 国庆 make-up working day   | true
			2025-10-08 | Wednesday, last day of 国庆        | false
			2025-10-11 | Saturday, 国庆 make-up working day | true
			2025-10-12 | plain Sunday                       | false
			2025-03-17 | plain Monday                       | true
			""")
	void knowsHolidaysAndMakeUpWorkingDays(LocalDate day, String what, boolean working) {
		assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
	}

	@Test
	void overridesWinOverTheShippedCalendar() {
		overrides.dayOff("2025-03-19").workingDay("2025-03-22").workingDay("2026-02-16").dayOff("2026-02-14");

		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 19))).as("county day off on a Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 22))).as("centre works a Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("works during 春节").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("skips a make-up working day").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 20))).as("not overridden").isTrue();
	}

	@Test
	void oneComputationReadsTheOverridesOfEachYearOnce() {
		WorkingCalendar.Days days = calendar.days();
		for (LocalDate day = LocalDate.of(2025, 12, 1); day.isBefore(LocalDate.of(2026, 2, 1)); day = day.plusDays(1)) {
			days.isWorkingDay(day);
		}

		assertThat(overrides.queries()).isEqualTo(2);
	}

	@Test
	void yearWithoutCalendarCountsWeekdaysAndSaysSoOnce() {
		try (LogCapture log = new LogCapture(WorkingCalendar.class)) {
			assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("元旦 2027, not yet announced").isTrue();
			assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("Saturday").isFalse();
			assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("Monday").isTrue();

			assertThat(log.warnings()).singleElement()
				.asString()
				.contains("No working-day calendar for 2027", "calendar/cn/2027.yaml");
		}
	}

	@Test
	void overridesApplyInYearsWithoutCalendar() {
		overrides.dayOff("2027-01-01");

		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
	}

	@Test
	void newYearsDayMayStartInDecember() {
		WorkingCalendar testCalendar = new WorkingCalendar(new HolidayNotices("calendar-test/"), overrides,
				WorkingHours.GOVERNMENT_OFFICE, Times.BEIJING);

		assertThat(testCalendar.isWorkingDay(LocalDate.of(2029, 12, 31))).as("Monday, 元旦 of the 2030 notice")
			.isFalse();
		assertThat(testCalendar.isWorkingDay(LocalDate.of(2029, 12, 28))).as("Friday").isTrue();
	}

	@Test
	void noWarningBeforeDecemberWhenThisYearIsThere() {
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2026, 11, 30))).isEmpty();
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2025, 12, 31))).as("2026 is shipped").isEmpty();
	}

	@Test
	void warnsFromFirstDecemberWhenNextYearIsMissing() {
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2026, 12, 1))).hasValueSatisfying(
				warning -> assertThat(warning).contains("No working-day calendar for 2027 (next year)",
						"国务院办公厅关于2027年部分节假日安排的通知", "calendar/cn/2027.yaml"));
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2026, 12, 31))).isPresent();
	}

	@Test
	void warnsAllYearWhenThisYearIsMissing() {
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2027, 3, 1)))
			.hasValueSatisfying(warning -> assertThat(warning).contains("for 2027 (this year)"));
	}

	@Test
	void overridesForNextYearCountAsCalendarData() {
		overrides.dayOff("2027-01-01");

		assertThat(calendar.hasDataFor(2027)).isTrue();
		assertThat(calendar.missingNextYearWarning(LocalDate.of(2026, 12, 1))).isEmpty();
	}

}
