package io.casegrid.sla.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.config.TransactionCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overrides in table {@code calendar_override}, read at most once per transaction and range
 * ({@link TransactionCache}): a step that computes several due dates reads each year once. Nothing is kept beyond the
 * transaction, so an edit applies to the next computation on every node; {@link LocalDays} forgets the kept ranges
 * when it writes, so the clocks recalculated in the editing transaction count the edit.
 */
@Repository
class JdbcCalendarOverrides implements CalendarOverrides {

	private final TransactionCache<List<LocalDate>, Map<LocalDate, Boolean>> read = new TransactionCache<>(
			"calendar overrides");

	private final JdbcClient jdbc;

	JdbcCalendarOverrides(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<LocalDate, Boolean> overridesBetween(LocalDate from, LocalDate to) {
		return read.get(List.of(from, to), range -> read(from, to));
	}

	/** The overrides changed in this transaction: the next computation in it reads them again. */
	void changed() {
		read.clear();
	}

	private Map<LocalDate, Boolean> read(LocalDate from, LocalDate to) {
		Map<LocalDate, Boolean> days = new HashMap<>();
		jdbc.sql("SELECT day, working FROM calendar_override WHERE day BETWEEN :from AND :to")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(rs -> {
				days.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
			});
		return Map.copyOf(days);
	}

}
