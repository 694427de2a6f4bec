package io.casegrid.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of local calendar days (table {@code calendar_override_change}, append-only). */
@Repository
class CalendarChanges {

	private final JdbcClient jdbc;

	CalendarChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CalendarChange record(CalendarChange change) {
		jdbc.sql("""
				INSERT INTO calendar_override_change (id, action, day, working, reason, actor, changed_at, moved_clocks)
				VALUES (:id, :action, :day, :working, :reason, :actor, :at, :moved)
				""")
			.param("id", change.id())
			.param("action", change.action().name())
			.param("day", Date.valueOf(change.day()))
			.param("working", change.working())
			.param("reason", change.reason())
			.param("actor", change.actor())
			.param("at", Timestamp.from(change.at()))
			.param("moved", change.movedClocks())
			.update();
		return change;
	}

	/** Newest first. */
	List<CalendarChange> page(int page, int size) {
		return jdbc.sql("""
				SELECT * FROM calendar_override_change ORDER BY changed_at DESC, id LIMIT :size OFFSET :offset
				""").param("size", size).param("offset", (long) page * size).query((rs, i) -> new CalendarChange(
						rs.getObject("id", UUID.class), CalendarChange.Action.valueOf(rs.getString("action")),
						rs.getDate("day").toLocalDate(), rs.getBoolean("working"), rs.getString("reason"),
						rs.getString("actor"), rs.getTimestamp("changed_at").toInstant(), rs.getInt("moved_clocks")))
			.list();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM calendar_override_change").query(Long.class).single();
	}

	/** One change: who entered or removed which day, when, why, and how many running clocks moved with it. */
	record CalendarChange(UUID id, Action action, LocalDate day, boolean working, String reason, String actor,
			Instant at, int movedClocks) {

		enum Action {

			ADDED, REMOVED

		}

	}

}
