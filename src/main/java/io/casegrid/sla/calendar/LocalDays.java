package io.casegrid.sla.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The county's local days (table {@code calendar_override}) as an administrator enters and removes them. */
@Repository
public class LocalDays {

	private final JdbcClient jdbc;

	private final JdbcCalendarOverrides overrides;

	LocalDays(JdbcClient jdbc, JdbcCalendarOverrides overrides) {
		this.jdbc = jdbc;
		this.overrides = overrides;
	}

	/** The local days from {@code from} to {@code to}, both inclusive, by day. */
	public List<LocalDay> between(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT day, working, reason, created_by, created_at FROM calendar_override
				 WHERE day BETWEEN :from AND :to ORDER BY day
				""").param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(LocalDays::row).list();
	}

	/** Enters the day; false when it already has an entry (which stays as it is). */
	public boolean add(LocalDate day, boolean working, String reason, String by, Instant at) {
		overrides.changed();
		return jdbc.sql("""
				INSERT INTO calendar_override (day, working, reason, created_by, created_at)
				VALUES (:day, :working, :reason, :by, :at) ON CONFLICT (day) DO NOTHING
				""")
			.param("day", Date.valueOf(day))
			.param("working", working)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Removes the day's entry and returns what it was, if there was one. */
	public Optional<LocalDay> remove(LocalDate day) {
		overrides.changed();
		return jdbc.sql("""
				DELETE FROM calendar_override WHERE day = :day
				RETURNING day, working, reason, created_by, created_at
				""").param("day", Date.valueOf(day)).query(LocalDays::row).optional();
	}

	private static LocalDay row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new LocalDay(rs.getDate("day").toLocalDate(), rs.getBoolean("working"), rs.getString("reason"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	/** A local day: {@code working} false is a day off, true a day worked. */
	public record LocalDay(LocalDate day, boolean working, String reason, String createdBy, Instant createdAt) {
	}

}
