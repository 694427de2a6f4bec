package io.casegrid.sla;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores SLA clocks with targeted SQL: a new clock is inserted with its history (through the aggregate); a stored
 * one that changed gets one UPDATE of the columns that moved, guarded by its version, and only its new history lines
 * and new or ended pauses are written. The aggregate's save would rewrite every column and delete and insert again
 * all of its history and pauses, on every warning, stop and pause.
 */
@Repository
class ClockWrites {

	private final SlaClockRepository clocks;

	private final JdbcClient jdbc;

	ClockWrites(SlaClockRepository clocks, JdbcClient jdbc) {
		this.clocks = clocks;
		this.jdbc = jdbc;
	}

	/**
	 * Writes what changed since the clock was read. A clock someone else changed meanwhile is refused as the
	 * aggregate's save refused it ({@link OptimisticLockingFailureException}: 409 over HTTP, a retried job).
	 */
	SlaClock save(SlaClock clock) {
		if (clock.isNew()) {
			return clocks.save(clock);
		}
		SlaClock.Read read = clock.read();
		if (read == null) {
			return clock;
		}
		Map<String, Object> changed = new LinkedHashMap<>();
		clock.changeableColumns().forEach((column, value) -> {
			if (!Objects.equals(read.columns().get(column), value)) {
				changed.put(column, value);
			}
		});
		String set = changed.keySet().stream().map(column -> column + " = :" + column + ", ").collect(Collectors.joining());
		int rows = jdbc.sql("UPDATE sla_clock SET " + set + "version = version + 1 WHERE id = :id AND version = :version")
			.params(changed)
			.param("id", clock.id())
			.param("version", clock.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException(
					"SLA clock " + clock.id() + " changed since it was read at version " + clock.version());
		}
		List<ClockEvent> history = clock.history();
		for (int position = read.events(); position < history.size(); position++) {
			ClockEvent event = history.get(position);
			jdbc.sql("""
					INSERT INTO sla_clock_event (sla_clock, position, at, type, due_at, note, actor)
					VALUES (:clock, :position, :at, :type, :dueAt, :note, :actor)""")
				.param("clock", clock.id())
				.param("position", position)
				.param("at", SlaClock.timestamp(event.at()))
				.param("type", event.type())
				.param("dueAt", SlaClock.timestamp(event.dueAt()))
				.param("note", event.note())
				.param("actor", event.actor())
				.update();
		}
		List<ClockPause> pauses = clock.pauses();
		for (int position = 0; position < pauses.size(); position++) {
			ClockPause pause = pauses.get(position);
			boolean stored = position < read.pauses().size();
			if (stored && pause.equals(read.pauses().get(position))) {
				continue;
			}
			jdbc.sql(stored ? """
					UPDATE sla_clock_pause SET started_at = :startedAt, ended_at = :endedAt, reason = :reason
					 WHERE sla_clock = :clock AND position = :position""" : """
					INSERT INTO sla_clock_pause (sla_clock, position, started_at, ended_at, reason)
					VALUES (:clock, :position, :startedAt, :endedAt, :reason)""")
				.param("clock", clock.id())
				.param("position", position)
				.param("startedAt", SlaClock.timestamp(pause.startedAt()))
				.param("endedAt", SlaClock.timestamp(pause.endedAt()))
				.param("reason", pause.reason())
				.update();
		}
		clock.written();
		return clock;
	}

}
