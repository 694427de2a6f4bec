package io.casegrid.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.casegrid.casefile.TimeSource;
import io.casegrid.sla.CalendarChanges.CalendarChange;
import io.casegrid.sla.CalendarChanges.CalendarChange.Action;
import io.casegrid.sla.calendar.LocalDays;
import io.casegrid.sla.calendar.LocalDays.LocalDay;
import io.casegrid.sla.calendar.WorkingCalendar;
import io.casegrid.web.ConflictException;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's local calendar days (a day off for a local festival, a Saturday worked) as an administrator changes
 * them: each change is entered, recorded in the audit trail and applied to the running clocks it affects in one
 * transaction, so that no clock, timer job or task due date is left on the old calendar.
 */
@Service
class LocalCalendarDays {

	private final LocalDays days;

	private final CalendarChanges changes;

	private final SlaClocks clocks;

	private final WorkingCalendar calendar;

	private final TimeSource time;

	LocalCalendarDays(LocalDays days, CalendarChanges changes, SlaClocks clocks, WorkingCalendar calendar,
			TimeSource time) {
		this.days = days;
		this.changes = changes;
		this.clocks = clocks;
		this.calendar = calendar;
		this.time = time;
	}

	List<LocalDay> between(LocalDate from, LocalDate to) {
		return days.between(from, to);
	}

	/** Enters the day (409 when it has an entry already) and moves the running clocks whose window touches it. */
	@Transactional
	CalendarChange add(LocalDate day, boolean working, String reason, String actor) {
		requireReason(reason);
		if (!days.between(day, day).isEmpty()) {
			throw new ConflictException("The day " + day + " already has a local entry; remove it first");
		}
		if (calendar.isWorkingDay(day) == working) {
			throw new InvalidRequestException("working",
					"the day " + day + " is already " + (working ? "a working day" : "a day off"));
		}
		Instant now = time.now();
		if (!days.add(day, working, reason.strip(), actor, now)) {
			throw new ConflictException("The day " + day + " already has a local entry; remove it first");
		}
		return audited(Action.ADDED, day, working, reason, actor, now);
	}

	/** Removes the day's entry (404 when it has none) and moves the running clocks whose window touches it. */
	@Transactional
	CalendarChange remove(LocalDate day, String reason, String actor) {
		requireReason(reason);
		LocalDay removed = days.remove(day).orElseThrow(() -> new NotFoundException("Local calendar day", day));
		return audited(Action.REMOVED, day, removed.working(), reason, actor, time.now());
	}

	List<CalendarChange> changes(int page, int size) {
		return changes.page(page, size);
	}

	long changeCount() {
		return changes.count();
	}

	private CalendarChange audited(Action action, LocalDate day, boolean working, String reason, String actor,
			Instant at) {
		int moved = clocks.recalculateWorkingClocksAround(day, calendar.zone(), actor);
		return changes
			.record(new CalendarChange(UUID.randomUUID(), action, day, working, reason.strip(), actor, at, moved));
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "must not be blank");
		}
	}

}
