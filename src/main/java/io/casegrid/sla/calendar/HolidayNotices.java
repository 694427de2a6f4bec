package io.casegrid.sla.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.casegrid.sla.calendar.HolidayNotice.HolidayPeriod;
import io.casegrid.sla.calendar.HolidayNotice.MakeUpWorkingDay;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The national calendar shipped with the product, one hand-written file per year ({@code calendar/cn/2026.yaml}).
 * Files are read on first use and checked strictly: a mistyped file must stop the service rather than silently move
 * due dates.
 */
final class HolidayNotices {

	static final String LOCATION = "calendar/cn/";

	private final String location;

	private final Map<Integer, Optional<HolidayNotice>> byYear = new ConcurrentHashMap<>();

	HolidayNotices() {
		this(LOCATION);
	}

	/** @param location classpath folder with the files, ending in a slash */
	HolidayNotices(String location) {
		this.location = location;
	}

	/** The notice for the year, or empty when the product ships none. */
	Optional<HolidayNotice> of(int year) {
		return byYear.computeIfAbsent(year, this::load);
	}

	private Optional<HolidayNotice> load(int year) {
		String resource = location + year + ".yaml";
		try (InputStream in = HolidayNotices.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return Optional.empty();
			}
			Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return Optional.of(new NoticeFile(resource, year).read(yaml));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/** Reads and checks one file; every problem names the file. */
	private record NoticeFile(String resource, int year) {

		HolidayNotice read(Object yaml) {
			Map<?, ?> root = map(yaml, "the file");
			Object declaredYear = root.get("year");
			if (!Integer.valueOf(year).equals(declaredYear)) {
				throw invalid("says year " + declaredYear + " but is the file for " + year);
			}
			String title = text(root, "title");
			String url = text(root, "url");
			List<HolidayPeriod> holidays = new ArrayList<>();
			for (Object entry : list(root, "holidays")) {
				Map<?, ?> holiday = map(entry, "a holiday");
				holidays.add(new HolidayPeriod(text(holiday, "name"), date(holiday, "from"), date(holiday, "to")));
			}
			List<MakeUpWorkingDay> makeUps = new ArrayList<>();
			for (Object entry : list(root, "makeUpWorkingDays")) {
				Map<?, ?> makeUp = map(entry, "a make-up working day");
				makeUps.add(new MakeUpWorkingDay(date(makeUp, "date"), text(makeUp, "holiday")));
			}
			check(holidays, makeUps);
			return new HolidayNotice(year, title, url, holidays, makeUps);
		}

		private void check(List<HolidayPeriod> holidays, List<MakeUpWorkingDay> makeUps) {
			if (holidays.isEmpty()) {
				throw invalid("lists no holidays; a notice always has some (remove the file if the year is unknown)");
			}
			Set<LocalDate> daysOff = new HashSet<>();
			for (HolidayPeriod holiday : holidays) {
				if (holiday.to().isBefore(holiday.from())) {
					throw invalid(holiday.name() + " ends before it starts: " + holiday.from() + " to " + holiday.to());
				}
				for (LocalDate day : holiday.days()) {
					inYear(day);
					if (!daysOff.add(day)) {
						throw invalid(day + " is in more than one holiday");
					}
				}
			}
			Set<LocalDate> makeUpDays = new HashSet<>();
			for (MakeUpWorkingDay makeUp : makeUps) {
				LocalDate day = makeUp.date();
				inYear(day);
				if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
					throw invalid("make-up working day " + day + " is a " + day.getDayOfWeek()
							+ ", but make-up working days (调休上班) are Saturdays or Sundays");
				}
				if (daysOff.contains(day) || !makeUpDays.add(day)) {
					throw invalid(day + " is listed twice (as a holiday or make-up working day)");
				}
			}
		}

		/** A notice covers its year; 元旦 may start on 30 or 31 December of the year before. */
		private void inYear(LocalDate day) {
			if (day.getYear() != year && !(day.getYear() == year - 1 && day.getMonthValue() == 12)) {
				throw invalid(day + " is outside " + year);
			}
		}

		private Map<?, ?> map(Object value, String what) {
			if (value instanceof Map<?, ?> map) {
				return map;
			}
			throw invalid("expected " + what + " with named fields, found: " + value);
		}

		private List<?> list(Map<?, ?> map, String key) {
			Object value = map.get(key);
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list;
			}
			throw invalid("'" + key + "' must be a list");
		}

		private String text(Map<?, ?> map, String key) {
			Object value = map.get(key);
			if (value == null || value.toString().isBlank()) {
				throw invalid("'" + key + "' is missing in " + map);
			}
			return value.toString().trim();
		}

		private LocalDate date(Map<?, ?> map, String key) {
			Object value = map.get(key);
			// YAML reads an unquoted 2026-02-15 as a timestamp at midnight UTC
			if (value instanceof Date date) {
				return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
			}
			try {
				return LocalDate.parse(text(map, key));
			}
			catch (DateTimeParseException ex) {
				throw invalid("'" + key + "' is not a date (yyyy-mm-dd) in " + map);
			}
		}

		private IllegalStateException invalid(String problem) {
			return new IllegalStateException("Calendar file " + resource + ": " + problem);
		}

	}

}
