package io.casegrid.sla.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The overrides in table {@code calendar_override}; read fresh for every SLA computation, so edits apply at once. */
@Repository
class JdbcCalendarOverrides implements CalendarOverrides {

	private final JdbcClient jdbc;

	JdbcCalendarOverrides(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<LocalDate, Boolean> overridesBetween(LocalDate from, LocalDate to) {
		Map<LocalDate, Boolean> days = new HashMap<>();
		jdbc.sql("SELECT day, working FROM calendar_override WHERE day BETWEEN :from AND :to")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(rs -> {
				days.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
			});
		return days;
	}

}
