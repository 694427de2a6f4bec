package io.casegrid.sla.calendar;

import static io.casegrid.sla.calendar.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Office hours 08:30–12:00 and 14:00–17:30 in Beijing throughout. */
class DueDateCalculatorTests {

	private final FakeCalendarOverrides overrides = new FakeCalendarOverrides();

	private final DueDateCalculator sla = new DueDateCalculator(Times.calendar(overrides));

	@ParameterizedTest(name = "{0} + {1} working time = {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-13T16:00 | PT7H   | 2026-02-14T16:00 | into the 春节 make-up Saturday
			2026-02-14T16:00 | PT2H   | 2026-02-24T09:00 | over 春节 (15th-23rd off)
			2026-02-14T17:30 | PT1M   | 2026-02-24T08:31 | from the end of the make-up day
			2026-02-18T10:00 | PT1H   | 2026-02-24T09:30 | started during 春节
			2026-02-27T17:00 | PT1H   | 2026-02-28T09:00 | into the second make-up Saturday
			2026-02-13T09:00 | PT21H  | 2026-02-25T09:00 | three working days around 春节
			2025-09-26T17:00 | PT1H   | 2025-09-28T09:00 | into the 国庆 make-up Sunday
			2025-09-30T15:00 | PT3H   | 2025-10-09T09:00 | over 国庆 (1st-8th off)
			2025-10-10T17:00 | PT1H   | 2025-10-11T09:00 | into the 国庆 make-up Saturday
			2025-10-11T17:00 | PT1H   | 2025-10-13T09:00 | from the make-up Saturday over Sunday
			2025-03-14T17:00 | PT1H   | 2025-03-17T09:00 | over a weekend
			2025-03-15T03:00 | PT30M  | 2025-03-17T09:00 | started on a Saturday night
			2025-03-17T00:00 | PT1H   | 2025-03-17T09:30 | started at midnight
			2025-03-16T23:59:59 | PT1S | 2025-03-17T08:30:01 | a second before midnight
			2025-03-17T08:30 | PT7H   | 2025-03-17T17:30 | a full day ends at close, not next morning
			2025-03-17T17:29 | PT1M   | 2025-03-17T17:30 | up to close
			2025-03-17T17:30 | PT1M   | 2025-03-18T08:31 | from close
			2025-03-17T20:00 | PT1H   | 2025-03-18T09:30 | started in the evening
			2025-03-17T11:30 | PT30M  | 2025-03-17T12:00 | up to lunch
			2025-03-17T11:30 | PT1H   | 2025-03-17T14:30 | over lunch
			2025-03-17T12:00 | PT30M  | 2025-03-17T14:30 | from the start of lunch
			2025-03-17T12:30 | PT30M  | 2025-03-17T14:30 | started during lunch
			2025-03-17T10:00 | PT0S   | 2025-03-17T10:00 | zero
			2025-03-15T03:00 | PT0S   | 2025-03-15T03:00 | zero outside office hours is the start
			""")
	void addsWorkingTime(String start, Duration amount, String due, String what) {
		assertThat(sla.addWorkingTime(at(start), amount)).isEqualTo(at(due));
	}

	@ParameterizedTest(name = "{0} to {1}: {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-14T12:00 | 2026-02-24T12:00 | PT7H   | make-up Saturday afternoon + morning after 春节
			2026-02-13T08:30 | 2026-02-28T17:30 | PT49H  | 13th, 14th, 24th-28th: 7 working days
			2025-09-26T08:30 | 2025-10-11T17:30 | PT49H  | 7 working days around 国庆
			2025-09-30T17:30 | 2025-10-09T08:30 | PT0S   | all of 国庆
			2025-03-17T11:00 | 2025-03-17T15:00 | PT2H   | lunch does not count
			2025-03-17T18:00 | 2025-03-18T08:00 | PT0S   | night
			2025-03-15T00:00 | 2025-03-17T00:00 | PT0S   | weekend
			2025-03-17T10:00 | 2025-03-17T09:00 | -PT1H  | negative when overdue
			""")
	void measuresWorkingTime(String from, String to, Duration expected, String what) {
		assertThat(sla.workingTimeBetween(at(from), at(to))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-13T10:00 | 1 | 2026-02-14T10:00 | the 春节 make-up Saturday
			2026-02-13T10:00 | 2 | 2026-02-24T10:00 | over 春节
			2025-09-26T10:00 | 1 | 2025-09-28T10:00 | the 国庆 make-up Sunday
			2025-09-30T10:00 | 3 | 2025-10-11T10:00 | 9th, 10th, make-up 11th
			2025-03-14T10:00 | 3 | 2025-03-19T10:00 | Friday to Wednesday
			2025-03-17T17:30 | 1 | 2025-03-18T17:30 | at close counts as inside office hours
			2025-03-17T12:30 | 1 | 2025-03-18T14:00 | lunch: counting starts at 14:00
			2025-03-17T07:00 | 1 | 2025-03-18T08:30 | early: counting starts at 08:30
			2025-03-14T20:00 | 1 | 2025-03-18T08:30 | Friday evening: counting starts Monday 08:30
			2025-03-15T10:00 | 1 | 2025-03-18T08:30 | Saturday: counting starts Monday 08:30
			2025-03-15T10:00 | 0 | 2025-03-15T10:00 | zero days is the start
			""")
	void addsWorkingDays(String start, int days, String due, String what) {
		assertThat(sla.addWorkingDays(at(start), days)).isEqualTo(at(due));
	}

	@Test
	void naturalTimeCountsEveryHour() {
		assertThat(sla.addNaturalTime(at("2026-02-14T16:00"), Duration.ofHours(24))).isEqualTo(at("2026-02-15T16:00"));
	}

	@Test
	void refusesNegativeLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> sla.addWorkingTime(Instant.EPOCH, Duration.ofHours(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> sla.addNaturalTime(Instant.EPOCH, Duration.ofHours(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> sla.addWorkingDays(Instant.EPOCH, -1));
	}

	@Test
	void overridesMoveDueDates() {
		overrides.dayOff("2025-03-19").workingDay("2025-03-22");

		assertThat(sla.addWorkingTime(at("2025-03-18T17:00"), Duration.ofHours(1))).as("county day off on Wednesday")
			.isEqualTo(at("2025-03-20T09:00"));
		assertThat(sla.addWorkingTime(at("2025-03-21T17:00"), Duration.ofHours(1))).as("centre works Saturday")
			.isEqualTo(at("2025-03-22T09:00"));
		assertThat(sla.addWorkingDays(at("2025-03-18T10:00"), 1)).isEqualTo(at("2025-03-20T10:00"));
	}

	@Test
	void extensionCountsFromTheOldDueDate() {
		Instant due = sla.addWorkingTime(at("2025-09-29T15:00"), Duration.ofHours(7));
		assertThat(due).isEqualTo(at("2025-09-30T15:00"));

		assertThat(sla.addWorkingDays(due, 2)).as("延期 two working days over 国庆").isEqualTo(at("2025-10-10T15:00"));
		assertThat(sla.addWorkingTime(due, Duration.ofHours(14)))
			.isEqualTo(sla.addWorkingTime(at("2025-09-29T15:00"), Duration.ofHours(21)))
			.isEqualTo(at("2025-10-10T15:00"));
	}

	@Nested
	class Pauses {

		private final Instant monday9 = at("2025-03-17T09:00");

		private final Duration oneDay = Duration.ofHours(7);

		@Test
		void withoutPausesIsTheDueDate() {
			assertThat(sla.dueAfterPauses(monday9, oneDay, List.of(), true)).isEqualTo(at("2025-03-18T09:00"));
		}

		@Test
		void movesByTheWorkingTimePaused() {
			assertThat(due(pause("2025-03-17T10:00", "2025-03-17T11:00"))).isEqualTo(at("2025-03-18T10:00"));
			assertThat(due(pause("2025-03-17T11:00", "2025-03-17T15:00"))).as("lunch is not working time")
				.isEqualTo(at("2025-03-18T11:00"));
		}

		@Test
		void joinsOverlappingPausesInAnyOrder() {
			assertThat(due(pause("2025-03-17T10:30", "2025-03-17T11:30"), pause("2025-03-17T10:00", "2025-03-17T11:00"),
					pause("2025-03-17T10:15", "2025-03-17T10:45")))
				.isEqualTo(at("2025-03-18T10:30"));
		}

		@Test
		void pauseOverTheDueDateMovesItPastThePause() {
			// 6 h run before the pause, the last hour after it
			assertThat(due(pause("2025-03-17T17:00", "2025-03-20T09:00"))).isEqualTo(at("2025-03-20T10:00"));
		}

		@Test
		void ignoresPausesAfterTheDueDate() {
			assertThat(due(pause("2025-03-18T09:00", "2025-03-19T12:00"))).isEqualTo(at("2025-03-18T09:00"));
			assertThat(due(pause("2025-03-19T09:00", "2025-03-19T12:00"))).isEqualTo(at("2025-03-18T09:00"));
		}

		@Test
		void countsOnlyThePartOfAPauseAfterTheStart() {
			assertThat(due(pause("2025-03-16T09:00", "2025-03-17T10:00"))).isEqualTo(at("2025-03-18T10:00"));
		}

		@Test
		void pauseOverAWeekendOrHolidayCostsNoWorkingTime() {
			assertThat(sla.dueAfterPauses(at("2025-09-30T15:00"), Duration.ofHours(3),
					List.of(pause("2025-10-01T00:00", "2025-10-09T00:00")), true))
				.isEqualTo(at("2025-10-09T09:00"));
		}

		@Test
		void naturalTimeMovesByTheWholePause() {
			assertThat(sla.dueAfterPauses(monday9, Duration.ofHours(24),
					List.of(pause("2025-03-17T20:00", "2025-03-18T02:00")), false))
				.isEqualTo(at("2025-03-18T15:00"));
			assertThat(sla.dueAfterPauses(monday9, Duration.ofHours(24),
					List.of(pause("2025-03-18T09:00", "2025-03-18T10:00")), false))
				.as("starts at the due date")
				.isEqualTo(at("2025-03-18T09:00"));
		}

		private Instant due(Interval... pauses) {
			return sla.dueAfterPauses(monday9, oneDay, List.of(pauses), true);
		}

	}

	private static Interval pause(String from, String to) {
		return new Interval(at(from), at(to));
	}

}
