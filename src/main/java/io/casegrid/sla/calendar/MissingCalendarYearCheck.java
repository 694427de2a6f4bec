package io.casegrid.sla.calendar;

import java.time.LocalDate;
import java.util.Optional;

import io.casegrid.casefile.TimeSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the calendar of this year, or from 1 December that of next year, is missing, so that
 * operators update the product before working-time due dates start to ignore the holidays. Loading this year's file
 * here also stops a service whose shipped calendar file is broken before it computes any due date.
 */
@Component
class MissingCalendarYearCheck {

	private static final Logger log = LoggerFactory.getLogger(MissingCalendarYearCheck.class);

	private final WorkingCalendar calendar;

	private final TimeSource time;

	MissingCalendarYearCheck(WorkingCalendar calendar, TimeSource time) {
		this.calendar = calendar;
		this.time = time;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		check(LocalDate.ofInstant(time.now(), calendar.zone()));
	}

	Optional<String> check(LocalDate today) {
		Optional<String> warning = calendar.missingNextYearWarning(today);
		warning.ifPresent(log::warn);
		return warning;
	}

}
