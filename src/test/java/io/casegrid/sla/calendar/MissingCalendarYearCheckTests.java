package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.casegrid.casefile.TimeSource;

import org.junit.jupiter.api.Test;

class MissingCalendarYearCheckTests {

	private final MissingCalendarYearCheck check = new MissingCalendarYearCheck(
			Times.calendar(CalendarOverrides.NONE), new TimeSource());

	@Test
	void logsAWarningInDecemberWhenNextYearIsMissing() {
		try (LogCapture log = new LogCapture(MissingCalendarYearCheck.class)) {
			check.check(LocalDate.of(2026, 12, 2));

			assertThat(log.warnings()).singleElement().asString().contains("No working-day calendar for 2027");
		}
	}

	@Test
	void staysQuietWhenTheCalendarIsThere() {
		try (LogCapture log = new LogCapture(MissingCalendarYearCheck.class)) {
			check.check(LocalDate.of(2025, 12, 2));

			assertThat(log.warnings()).isEmpty();
		}
	}

}
