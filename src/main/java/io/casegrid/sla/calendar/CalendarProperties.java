package io.casegrid.sla.calendar;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param workingHours office hours of a working day as {@code HH:mm-HH:mm} spans, in {@code casegrid.zone} */
@ConfigurationProperties("casegrid.calendar")
record CalendarProperties(@DefaultValue({ "08:30-12:00", "14:00-17:30" }) List<String> workingHours) {
}
