package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar files shipped in {@code calendar/cn/} say what the State Council's notices say.
 * <p>
 * Checked against the reference copy in holiday-cn format at the path of system property
 * {@code casegrid.calendar.reference} (default {@code ../shared/data/cn-holidays}, next to the project on the
 * developers' machine). A clean clone (CI) has no reference copy; then the files are checked against
 * {@link #KNOWN_DAYS}, a list of days taken from the notices and verified against the reference copy, which this
 * test keeps verifying wherever the reference copy is present.
 */
class ShippedCalendarTests {

	private static final String REFERENCE_PROPERTY = "casegrid.calendar.reference";

	/** Date → working day?, holiday name; from the notices of 2024, 2025 and 2026. */
	private static final Map<Integer, List<KnownDay>> KNOWN_DAYS = Map.of(2024, List.of(
			off("2024-01-01", "元旦"), work("2024-02-04", "春节"), off("2024-02-10", "春节"), off("2024-02-17", "春节"),
			work("2024-02-18", "春节"), work("2024-04-07", "清明节"), work("2024-04-28", "劳动节"),
			work("2024-05-11", "劳动节"), off("2024-06-10", "端午节"), work("2024-09-14", "中秋节"),
			work("2024-09-29", "国庆节"), off("2024-10-07", "国庆节"), work("2024-10-12", "国庆节")),
			2025, List.of(off("2025-01-01", "元旦"), work("2025-01-26", "春节"), off("2025-01-28", "春节"),
					off("2025-02-04", "春节"), work("2025-02-08", "春节"), off("2025-04-04", "清明节"),
					work("2025-04-27", "劳动节"), off("2025-05-05", "劳动节"), off("2025-06-02", "端午节"),
					work("2025-09-28", "国庆节、中秋节"), off("2025-10-08", "国庆节、中秋节"),
					work("2025-10-11", "国庆节、中秋节")),
			2026, List.of(off("2026-01-02", "元旦"), work("2026-01-04", "元旦"), work("2026-02-14", "春节"),
					off("2026-02-15", "春节"), off("2026-02-23", "春节"), work("2026-02-28", "春节"),
					off("2026-05-05", "劳动节"), work("2026-05-09", "劳动节"), off("2026-06-19", "端午节"),
					work("2026-09-20", "国庆节"), off("2026-09-25", "中秋节"), off("2026-10-07", "国庆节"),
					work("2026-10-10", "国庆节")));

	/** The notices' addresses, as the reference copy gives them in {@code papers}. */
	private static final Map<Integer, String> NOTICES = Map.of(2024,
			"https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm", 2025,
			"https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm", 2026,
			"https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");

	private final HolidayNotices shipped = new HolidayNotices();

	@ParameterizedTest
	@ValueSource(ints = { 2024, 2025, 2026 })
	void shippedYearSaysWhatTheNoticeSays(int year) throws IOException {
		HolidayNotice notice = shipped.of(year).orElseThrow();
		assertThat(notice.title()).isEqualTo("国务院办公厅关于" + year + "年部分节假日安排的通知");

		Optional<Reference> reference = reference(year);
		if (reference.isPresent()) {
			assertThat(listedDays(notice)).as("every day of the notice, from the reference copy")
				.isEqualTo(reference.get().days());
			assertThat(notice.url()).isEqualTo(reference.get().notice());
			assertThat(reference.get().days()).as("the known days are right, too")
				.containsAllEntriesOf(knownDays(year));
		}
		else {
			assertThat(listedDays(notice)).as("the known days, reference copy not found")
				.containsAllEntriesOf(knownDays(year));
			assertThat(notice.url()).isEqualTo(NOTICES.get(year));
		}
	}

	@Test
	void shipsNothingForAYearNotYetAnnounced() throws IOException {
		assertThat(shipped.of(2027)).isEmpty();
		reference(2027).ifPresent(
				reference -> assertThat(reference.days()).as("2027 is announced: ship calendar/cn/2027.yaml").isEmpty());
	}

	/** Known days, as the calendar sees them: holidays off, make-up days worked, ordinary days by the weekday. */
	@ParameterizedTest
	@ValueSource(ints = { 2024, 2025, 2026 })
	void calendarFollowsTheKnownDays(int year) {
		WorkingCalendar calendar = Times.calendar(CalendarOverrides.NONE);

		KNOWN_DAYS.get(year)
			.forEach(known -> assertThat(calendar.isWorkingDay(known.date())).as(known.toString())
				.isEqualTo(known.working()));
		assertThat(calendar.isWorkingDay(LocalDate.of(year, 3, 10))).isEqualTo(
				LocalDate.of(year, 3, 10).getDayOfWeek().getValue() <= 5);
	}

	private static Map<LocalDate, Listed> listedDays(HolidayNotice notice) {
		Map<LocalDate, Listed> days = new HashMap<>();
		notice.holidays()
			.forEach(holiday -> holiday.days().forEach(day -> days.put(day, new Listed(false, holiday.name()))));
		notice.makeUpWorkingDays().forEach(makeUp -> days.put(makeUp.date(), new Listed(true, makeUp.holiday())));
		return days;
	}

	private static Map<LocalDate, Listed> knownDays(int year) {
		Map<LocalDate, Listed> days = new HashMap<>();
		KNOWN_DAYS.get(year).forEach(known -> days.put(known.date(), new Listed(known.working(), known.holiday())));
		return days;
	}

	/**
	 * The reference copy of the year; empty when the reference folder is not there. A folder given explicitly must
	 * exist, and a folder that exists must have the year: a broken setup fails instead of checking less.
	 */
	private static Optional<Reference> reference(int year) throws IOException {
		String configured = System.getProperty(REFERENCE_PROPERTY);
		Path folder = Path.of(configured != null ? configured : "../shared/data/cn-holidays");
		if (!Files.isDirectory(folder)) {
			assertThat(configured).as("-D%s=%s is not a folder", REFERENCE_PROPERTY, configured).isNull();
			return Optional.empty();
		}
		Path file = folder.resolve(year + ".json");
		assertThat(file).as("reference copy of %d", year).isRegularFile();
		JsonNode json = new ObjectMapper().readTree(file.toFile());
		Map<LocalDate, Listed> days = new HashMap<>();
		json.path("days")
			.forEach(day -> days.put(LocalDate.parse(day.path("date").asText()),
					new Listed(!day.path("isOffDay").asBoolean(), day.path("name").asText())));
		String notice = json.path("papers").path(0).asText(null);
		return Optional.of(new Reference(days, notice));
	}

	private static KnownDay off(String date, String holiday) {
		return new KnownDay(LocalDate.parse(date), false, holiday);
	}

	private static KnownDay work(String date, String holiday) {
		return new KnownDay(LocalDate.parse(date), true, holiday);
	}

	private record KnownDay(LocalDate date, boolean working, String holiday) {
	}

	/** A day as a notice lists it: working (make-up day) or not (holiday), and for which holiday. */
	private record Listed(boolean working, String holiday) {
	}

	private record Reference(Map<LocalDate, Listed> days, String notice) {
	}

}
