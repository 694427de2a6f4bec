package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingHoursTests {

	@Test
	void governmentOfficeHoursHaveALunchBreak() {
		WorkingHours hours = WorkingHours.GOVERNMENT_OFFICE;

		assertThat(hours.spans()).containsExactly(new WorkingHours.Span(LocalTime.of(8, 30), LocalTime.of(12, 0)),
				new WorkingHours.Span(LocalTime.of(14, 0), LocalTime.of(17, 30)));
		assertThat(hours.perDay()).isEqualTo(Duration.ofHours(7));
	}

	@Test
	void parsesConfiguredSpans() {
		WorkingHours hours = WorkingHours.parse(List.of(" 09:00 - 17:00 "));

		assertThat(hours.perDay()).isEqualTo(Duration.ofHours(8));
		assertThat(hours.on(LocalDate.of(2025, 3, 17), Times.BEIJING))
			.containsExactly(new Interval(Times.at("2025-03-17T09:00"), Times.at("2025-03-17T17:00")));
	}

	@Test
	void refusesSpansThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse(List.of()))
			.withMessageContaining("at least one span");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse(List.of("08:30")))
			.withMessageContaining("HH:mm-HH:mm");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse(List.of("17:30-08:30")))
			.withMessageContaining("must end after it starts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkingHours.parse(List.of("14:00-17:30", "08:30-12:00")))
			.withMessageContaining("overlap or are out of order");
	}

}
