package io.casegrid.sla.calendar;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working calendar and SLA arithmetic as beans; the classes themselves stay plain Java for fast tests. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingCalendar workingCalendar(CalendarOverrides overrides, CalendarProperties properties,
			@Value("${casegrid.zone}") ZoneId zone) {
		return new WorkingCalendar(overrides, WorkingHours.parse(properties.workingHours()), zone);
	}

	@Bean
	DueDateCalculator dueDateCalculator(WorkingCalendar calendar) {
		return new DueDateCalculator(calendar);
	}

}
