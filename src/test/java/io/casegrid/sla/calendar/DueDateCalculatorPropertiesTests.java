package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Laws of SLA clock arithmetic, over starts from 2024 to autumn 2026 (all shipped holidays and make-up working
 * days), limits up to about twenty working days, and two overrides.
 */
class DueDateCalculatorPropertiesTests {

	private static final Instant FIRST = Times.at("2024-01-01T00:00");

	private static final Instant LAST = Times.at("2026-10-31T23:59");

	private final WorkingCalendar calendar = Times.calendar(
			new FakeCalendarOverrides().dayOff("2025-03-19").workingDay("2025-03-22"));

	private final DueDateCalculator sla = new DueDateCalculator(calendar);

	@Property(tries = 300)
	void addingWorkingTimeIsMonotonic(@ForAll("starts") Instant start, @ForAll("amounts") Duration a,
			@ForAll("amounts") Duration b) {
		Duration shorter = a.compareTo(b) <= 0 ? a : b;
		Duration longer = a.compareTo(b) <= 0 ? b : a;

		assertThat(sla.addWorkingTime(start, shorter)).isBeforeOrEqualTo(sla.addWorkingTime(start, longer));
	}

	/** Holds from any start, so in particular from starts within office hours. */
	@Property(tries = 300)
	void workingTimeToTheDueDateIsTheLimit(@ForAll("starts") Instant start, @ForAll("amounts") Duration amount) {
		assertThat(sla.workingTimeBetween(start, sla.addWorkingTime(start, amount))).isEqualTo(amount);
	}

	@Property(tries = 300)
	void dueDateLiesWithinOfficeHoursOfAWorkingDay(@ForAll("starts") Instant start,
			@ForAll("amounts") Duration amount) {
		Instant due = sla.addWorkingTime(start, amount);

		if (amount.isZero()) {
			assertThat(due).isEqualTo(start);
		}
		else {
			ZonedDateTime local = due.atZone(Times.BEIJING);
			assertThat(calendar.isWorkingDay(local.toLocalDate())).as("working day: %s", local).isTrue();
			assertThat(calendar.hours().spans()).as("within office hours: %s", local)
				.anySatisfy(span -> assertThat(local.toLocalTime()).isAfter(span.from())
					.isBeforeOrEqualTo(span.to()));
		}
	}

	@Property(tries = 300)
	void addingInTwoStepsIsAddingTheSum(@ForAll("starts") Instant start, @ForAll("amounts") Duration a,
			@ForAll("amounts") Duration b) {
		assertThat(sla.addWorkingTime(sla.addWorkingTime(start, a), b)).isEqualTo(sla.addWorkingTime(start, a.plus(b)));
	}

	@Property(tries = 300)
	void workingTimeIsAntisymmetric(@ForAll("starts") Instant a, @ForAll("starts") Instant b) {
		assertThat(sla.workingTimeBetween(a, b)).isEqualTo(sla.workingTimeBetween(b, a).negated());
	}

	@Property(tries = 300)
	void workingDaysAreFullDaysOfWorkingTime(@ForAll("starts") Instant start,
			@ForAll("workingDays") int days) {
		Instant due = sla.addWorkingDays(start, days);

		assertThat(sla.workingTimeBetween(start, due)).isEqualTo(calendar.hours().perDay().multipliedBy(days));
		assertThat(calendar.isWorkingDay(LocalDate.ofInstant(due, Times.BEIJING)) || days == 0).isTrue();
	}

	@Property(tries = 300)
	void naturalTimeIsPlainAddition(@ForAll("starts") Instant start, @ForAll("amounts") Duration amount) {
		assertThat(sla.addNaturalTime(start, amount)).isEqualTo(start.plus(amount));
		assertThat(sla.dueAfterPauses(start, amount, List.of(), false)).isEqualTo(start.plus(amount));
	}

	@Property(tries = 300)
	void pausedClockRunsForTheLimitExactly(@ForAll("starts") Instant start, @ForAll("amounts") Duration limit,
			@ForAll("pauses") List<PauseAt> pausesAt) {
		List<Interval> pauses = PauseAt.from(start, pausesAt);
		Instant due = sla.dueAfterPauses(start, limit, pauses, true);

		assertThat(due).isAfterOrEqualTo(sla.addWorkingTime(start, limit));
		assertThat(runningWorkingTime(start, due, pauses)).isEqualTo(limit);
	}

	@Property(tries = 300)
	void pausedNaturalClockRunsForTheLimitExactly(@ForAll("starts") Instant start,
			@ForAll("amounts") Duration limit, @ForAll("pauses") List<PauseAt> pausesAt) {
		List<Interval> pauses = PauseAt.from(start, pausesAt);
		Instant due = sla.dueAfterPauses(start, limit, pauses, false);

		assertThat(due).isAfterOrEqualTo(start.plus(limit));
		assertThat(Duration.between(start, due).minus(pausedWithin(start, due, pauses, false))).isEqualTo(limit);
	}

	/** Working time from start to due minus the working time paused in between (pauses may overlap). */
	private Duration runningWorkingTime(Instant start, Instant due, List<Interval> pauses) {
		return sla.workingTimeBetween(start, due).minus(pausedWithin(start, due, pauses, true));
	}

	/** Time in the union of the pauses within [from, to], sweeping over the pauses in order of start. */
	private Duration pausedWithin(Instant from, Instant to, List<Interval> pauses, boolean workingTime) {
		List<Interval> sorted = new ArrayList<>(pauses);
		sorted.sort((x, y) -> x.start().compareTo(y.start()));
		Duration paused = Duration.ZERO;
		Instant covered = from;
		for (Interval pause : sorted) {
			Instant s = pause.start().isAfter(covered) ? pause.start() : covered;
			Instant e = pause.end().isBefore(to) ? pause.end() : to;
			if (e.isAfter(s)) {
				paused = paused.plus(workingTime ? sla.workingTimeBetween(s, e) : Duration.between(s, e));
				covered = e;
			}
		}
		return paused;
	}

	@Provide
	Arbitrary<Instant> starts() {
		Arbitrary<Instant> anyMinute = Arbitraries.longs()
			.between(FIRST.getEpochSecond() / 60, LAST.getEpochSecond() / 60)
			.map(minute -> Instant.ofEpochSecond(minute * 60));
		Arbitrary<Instant> boundaries = Combinators
			.combine(Arbitraries.longs().between(0, Duration.between(FIRST, LAST).toDays()),
					Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(8, 30), LocalTime.of(12, 0),
							LocalTime.of(14, 0), LocalTime.of(17, 30), LocalTime.of(23, 59, 59)))
			.as((day, time) -> LocalDate.ofInstant(FIRST, Times.BEIJING)
				.plusDays(day)
				.atTime(time)
				.atZone(Times.BEIJING)
				.toInstant());
		return Arbitraries.frequencyOf(Tuple.of(3, anyMinute), Tuple.of(1, boundaries));
	}

	@Provide
	Arbitrary<Duration> amounts() {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Duration.ZERO)),
				Tuple.of(1, Arbitraries.of(Duration.ofMinutes(210), Duration.ofHours(7))),
				Tuple.of(8, Arbitraries.longs().between(1, 140 * 60).map(Duration::ofMinutes)));
	}

	@Provide
	Arbitrary<Integer> workingDays() {
		return Arbitraries.integers().between(0, 20);
	}

	/** Pauses relative to the clock's start, so that they often fall between start and due date. */
	@Provide
	Arbitrary<List<PauseAt>> pauses() {
		Arbitrary<PauseAt> pause = Combinators
			.combine(Arbitraries.longs().between(-2 * 24 * 60, 20 * 24 * 60).map(Duration::ofMinutes),
					Arbitraries.longs().between(0, 6 * 24 * 60).map(Duration::ofMinutes))
			.as(PauseAt::new);
		return pause.list().ofMaxSize(4);
	}

	record PauseAt(Duration offset, Duration length) {

		static List<Interval> from(Instant start, List<PauseAt> pauses) {
			return pauses.stream()
				.map(p -> new Interval(start.plus(p.offset()), start.plus(p.offset()).plus(p.length())))
				.toList();
		}

	}

}
