package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayNoticesTests {

	private final HolidayNotices notices = new HolidayNotices("calendar-test/");

	@Test
	void readsQuotedAndUnquotedDates() {
		HolidayNotice notice = notices.of(2030).orElseThrow();

		assertThat(notice.title()).isEqualTo("测试通知 2030");
		assertThat(notice.url()).isEqualTo("https://example.invalid/2030");
		assertThat(notice.holidays()).extracting(HolidayNotice.HolidayPeriod::from)
			.containsExactly(LocalDate.of(2029, 12, 30), LocalDate.of(2030, 2, 2));
		assertThat(notice.working(LocalDate.of(2030, 1, 5))).contains(true);
		assertThat(notice.working(LocalDate.of(2030, 2, 9))).contains(true);
		assertThat(notice.working(LocalDate.of(2030, 2, 8))).contains(false);
		assertThat(notice.working(LocalDate.of(2030, 2, 11))).isEmpty();
	}

	@Test
	void yearWithoutFileIsEmpty() {
		assertThat(notices.of(2029)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2031 | make-up working day 2031-01-06 is a MONDAY
			2032 | says year 2031 but is the file for 2032
			2033 | lists no holidays
			2034 | 2035-01-01 is outside 2034
			2035 | 'from' is not a date
			""")
	void refusesBrokenFiles(int year, String problem) {
		assertThatIllegalStateException().isThrownBy(() -> notices.of(year))
			.withMessageStartingWith("Calendar file calendar-test/" + year + ".yaml: ")
			.withMessageContaining(problem);
	}

	@Test
	void shipsNoCalendarForYearsNotYetAnnounced() {
		assertThat(new HolidayNotices().of(2027)).isEmpty();
	}

}
