package io.casegrid.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.casegrid.api.CalendarApi;
import io.casegrid.api.model.CalendarChange;
import io.casegrid.api.model.CalendarChangePage;
import io.casegrid.api.model.CalendarOverride;
import io.casegrid.api.model.CalendarOverrideRequest;
import io.casegrid.sla.calendar.LocalDays.LocalDay;
import io.casegrid.sla.calendar.WorkingCalendar;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CalendarController implements CalendarApi {

	/** The longest range one listing covers: a year, leap day included. */
	private static final long MAX_RANGE_DAYS = 366;

	private final LocalCalendarDays days;

	private final CurrentActor actor;

	private final WorkingCalendar calendar;

	private final SlaClocks clocks;

	private final ActorNames names;

	CalendarController(LocalCalendarDays days, CurrentActor actor, WorkingCalendar calendar, SlaClocks clocks,
			ActorNames names) {
		this.names = names;
		this.days = days;
		this.actor = actor;
		this.calendar = calendar;
		this.clocks = clocks;
	}

	@Override
	public ResponseEntity<List<CalendarOverride>> listCalendarOverrides(LocalDate from, LocalDate to) {
		LocalDate first = from != null ? from : LocalDate.ofInstant(clocks.now(), calendar.zone());
		LocalDate last = to != null ? to : first.plusDays(MAX_RANGE_DAYS - 1);
		if (last.isBefore(first)) {
			throw new InvalidRequestException("to", "must not be before from (" + first + ")");
		}
		if (ChronoUnit.DAYS.between(first, last) > MAX_RANGE_DAYS) {
			throw new InvalidRequestException("to", "must be at most " + MAX_RANGE_DAYS + " days after from");
		}
		return ResponseEntity.ok(days.between(first, last).stream().map(this::view).toList());
	}

	@Override
	public ResponseEntity<CalendarChange> addCalendarOverride(CalendarOverrideRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(view(days.add(request.getDay(), request.getWorking(), request.getReason(), actor.get().id())));
	}

	@Override
	public ResponseEntity<CalendarChange> removeCalendarOverride(LocalDate day, String reason) {
		return ResponseEntity.ok(view(days.remove(day, reason, actor.get().id())));
	}

	@Override
	public ResponseEntity<CalendarChangePage> listCalendarChanges(Integer page, Integer size) {
		return ResponseEntity.ok(new CalendarChangePage(
				days.changes(page, size).stream().map(this::view).toList(), page, size,
				days.changeCount()));
	}

	private CalendarOverride view(LocalDay day) {
		return new CalendarOverride(day.day(), day.working(), day.reason(), day.createdBy(), at(day.createdAt()))
			.createdByName(names.of(day.createdBy()));
	}

	private CalendarChange view(CalendarChanges.CalendarChange change) {
		return new CalendarChange(change.id(), CalendarChange.ActionEnum.fromValue(change.action().name()),
				change.day(), change.working(), change.reason(), change.actor(), at(change.at()),
				change.movedClocks())
			.actorName(names.of(change.actor()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
