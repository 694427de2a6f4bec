package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.casegrid.sla.calendar.DueDateCalculator;
import io.casegrid.sla.calendar.WorkingCalendar;
import io.casegrid.sla.calendar.WorkingHours;

/** The limits of {@code sla-policy.dmn} on the shipped Chinese calendar, without Spring or the engine. */
class SlaLimitTests {

	static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	final DueDateCalculator calculator = new DueDateCalculator(new WorkingCalendar((from, to) -> Map.of(),
			WorkingHours.parse(List.of("08:30-12:00", "14:00-17:30")), COUNTY));

	@Test
	void twoWorkingDaysSkipTheNationalDayHolidayAndCountTheMakeUpSaturday() {
		// 2026: 国庆 1–7 October off, Saturday 10 October a make-up working day (调休)
		SlaLimit twoDays = new SlaLimit("P2D", Counting.WORKING);
		assertThat(twoDays.dueFrom(at(2026, 9, 30, 10, 0), calculator)).isEqualTo(at(2026, 10, 9, 10, 0));
		assertThat(twoDays.dueFrom(at(2026, 10, 9, 10, 0), calculator)).isEqualTo(at(2026, 10, 12, 10, 0));
		assertThat(new SlaLimit("P1D", Counting.WORKING).dueFrom(at(2026, 10, 9, 10, 0), calculator))
			.isEqualTo(at(2026, 10, 10, 10, 0));
	}

	@Test
	void twoWorkingHoursReportedAtNightStartWhenTheOfficeOpens() {
		Instant due = new SlaLimit("PT2H", Counting.WORKING).dueFrom(at(2026, 11, 24, 23, 0), calculator);
		assertThat(due).isEqualTo(at(2026, 11, 25, 10, 30));
	}

	@Test
	void naturalTimeCountsEveryHourOfEveryDay() {
		assertThat(new SlaLimit("P7D", Counting.NATURAL).dueFrom(at(2026, 9, 30, 10, 0), calculator))
			.isEqualTo(at(2026, 10, 7, 10, 0));
		assertThat(new SlaLimit("PT15M", Counting.NATURAL).dueFrom(at(2026, 10, 1, 3, 0), calculator))
			.isEqualTo(at(2026, 10, 1, 3, 15));
	}

	@Test
	void daysAndHoursCombineAsWorkingDaysThenOfficeHours() {
		// Friday 16:00 + one working day → Monday 16:00, + 2 office hours (1.5 on Monday, 0.5 on Tuesday) → Tuesday 09:00
		assertThat(new SlaLimit("P1DT2H", Counting.WORKING).dueFrom(at(2026, 11, 20, 16, 0), calculator))
			.isEqualTo(at(2026, 11, 24, 9, 0));
	}

	@Test
	void limitsInMonthsOrNonsenseAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaLimit("P1M", Counting.WORKING));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaLimit("2 hours", Counting.NATURAL));
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, COUNTY).toInstant();
	}

}
