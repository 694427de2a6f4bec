package io.casegrid.sla.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The office hours of every working day, as one or more spans in local time, e.g. {@code 08:30-12:00} and
 * {@code 14:00-17:30} (a government office with a lunch break). Working-time SLA clocks run only inside these spans.
 *
 * @param spans in order of the day, not overlapping
 */
public record WorkingHours(List<Span> spans) {

	/** Typical hours of a Chinese government office: 08:30–12:00 and 14:00–17:30, seven hours a day. */
	public static final WorkingHours GOVERNMENT_OFFICE = parse(List.of("08:30-12:00", "14:00-17:30"));

	public WorkingHours {
		spans = List.copyOf(spans);
		if (spans.isEmpty()) {
			throw new IllegalArgumentException("Working hours need at least one span, e.g. 08:30-12:00");
		}
		for (int i = 1; i < spans.size(); i++) {
			if (spans.get(i).from().isBefore(spans.get(i - 1).to())) {
				throw new IllegalArgumentException(
						"Working hours " + spans.get(i) + " overlap or are out of order with " + spans.get(i - 1));
			}
		}
	}

	/** Parses spans written as {@code HH:mm-HH:mm}, e.g. {@code ["08:30-12:00", "14:00-17:30"]}. */
	public static WorkingHours parse(List<String> spans) {
		List<Span> parsed = new ArrayList<>();
		for (String span : spans) {
			parsed.add(Span.parse(span));
		}
		return new WorkingHours(parsed);
	}

	/** The working time of one full working day. */
	public Duration perDay() {
		return spans.stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
	}

	/** The spans of the given day as instants, in order. The day need not be a working day. */
	List<Interval> on(LocalDate day, ZoneId zone) {
		List<Interval> intervals = new ArrayList<>(spans.size());
		for (Span span : spans) {
			intervals.add(new Interval(ZonedDateTime.of(day, span.from(), zone).toInstant(),
					ZonedDateTime.of(day, span.to(), zone).toInstant()));
		}
		return intervals;
	}

	@Override
	public String toString() {
		return spans.toString();
	}

	/** One span of office hours within a day, {@code from} before {@code to}. */
	public record Span(LocalTime from, LocalTime to) {

		public Span {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("Working hours span must end after it starts: " + from + "-" + to);
			}
		}

		static Span parse(String text) {
			String[] parts = text.trim().split("-");
			try {
				if (parts.length == 2) {
					return new Span(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
				}
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
			throw new IllegalArgumentException("Working hours span '" + text + "' is not of the form HH:mm-HH:mm");
		}

		Duration length() {
			return Duration.between(from, to);
		}

		@Override
		public String toString() {
			return from + "-" + to;
		}

	}

}
