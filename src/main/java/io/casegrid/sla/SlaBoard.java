package io.casegrid.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.casegrid.casefile.CaseScope;
import io.casegrid.casefile.TimeSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads clocks across cases for dashboards and worklists: at risk, breached, and the clock behind a task. */
@Service
public class SlaBoard {

	public record Page(List<SlaClock> items, long total) {
	}

	/** A task as a worklist shows it: its process instance and its due time (null if it has none). */
	public record TaskDue(String processInstanceId, Instant due) {
	}

	private final ClockReads reads;

	private final JdbcClient jdbc;

	private final TimeSource time;

	SlaBoard(ClockReads reads, JdbcClient jdbc, TimeSource time) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** Running clocks past their warning point and not yet due, soonest due first, of the cases in scope. */
	public Page atRisk(ClockFilter f, CaseScope scope, int page, int size) {
		return find(SlaClockRepository.AT_RISK, "due_at, id", f, scope, page, size);
	}

	/** Clocks past their limit, running or stopped late, latest due first, of the cases in scope. */
	public Page breached(ClockFilter f, CaseScope scope, int page, int size) {
		return find(SlaClockRepository.BREACHED, "due_at DESC, id", f, scope, page, size);
	}

	/** One board query: the state condition, the dashboard's filters and the caller's place (a township its own). */
	private Page find(String state, String order, ClockFilter f, CaseScope scope, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(time.now()));
		params.put("unit", f.unit());
		params.put("level", f.level());
		params.put("department", f.department());
		params.put("dueFrom", f.dueFrom() == null ? null : Timestamp.from(f.dueFrom()));
		params.put("dueTo", f.dueTo() == null ? null : Timestamp.from(f.dueTo()));
		String where = state + SlaClockRepository.FILTERS
				+ " AND EXISTS (SELECT 1 FROM case_file WHERE case_file.id = sla_clock.case_id AND " + scope.sql(params)
				+ ")";
		params.put("limit", size);
		params.put("offset", (long) page * size);
		// the page's clocks and the total in one pass; only a page past the end needs a count of its own
		List<Map.Entry<SlaClock, Long>> rows = jdbc
			.sql("SELECT sla_clock.*, count(*) OVER () AS total FROM sla_clock" + where + " ORDER BY " + order
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((row, n) -> Map.entry(SlaClock.stored(row), row.getLong("total")))
			.list();
		long total = !rows.isEmpty() ? rows.get(0).getValue()
				: jdbc.sql("SELECT count(*) FROM sla_clock" + where).params(params).query(Long.class).single();
		return new Page(reads.withPausesAndHistory(rows.stream().map(Map.Entry::getKey).toList()), total);
	}

	/**
	 * Where the clock behind each task of a worklist page stands: the open clock whose timers live in the task's
	 * process instance (the one due when the task is, if several are open), so a worklist can sort by urgency. One
	 * query that reads only the columns the state needs (loading the clocks as aggregates would read their pauses and
	 * events too). Tasks without an open clock are left out.
	 */
	public Map<TaskDue, ClockState> statesOfTasks(java.util.Collection<TaskDue> tasks) {
		if (tasks.isEmpty()) {
			return Map.of();
		}
		record OpenClock(String processInstanceId, Instant dueAt, ClockState state) {
		}
		Instant now = time.now();
		Map<String, List<OpenClock>> open = new HashMap<>();
		jdbc.sql("""
				SELECT process_instance_id, due_at, warn_at, warned_at, breached_at, paused_at FROM sla_clock
				 WHERE process_instance_id IN (:ids) AND stopped_at IS NULL
				 ORDER BY started_at DESC, id""")
			.param("ids", tasks.stream().map(TaskDue::processInstanceId).distinct().toList())
			.query((row, n) -> {
				Instant due = row.getTimestamp("due_at").toInstant();
				return new OpenClock(row.getString("process_instance_id"), due,
						SlaClock.runningStateAt(now, SlaClock.instant(row, "paused_at"), SlaClock.instant(row, "breached_at"), due,
								SlaClock.instant(row, "warned_at"), row.getTimestamp("warn_at").toInstant()));
			})
			.list()
			.forEach(c -> open.computeIfAbsent(c.processInstanceId(), k -> new java.util.ArrayList<>()).add(c));
		Map<TaskDue, ClockState> states = new HashMap<>();
		for (TaskDue task : tasks) {
			List<OpenClock> ofInstance = open.getOrDefault(task.processInstanceId(), List.of());
			ofInstance.stream()
				.filter(c -> task.due() == null || c.dueAt().equals(task.due()))
				.findFirst()
				.or(() -> ofInstance.stream().findFirst())
				.ifPresent(c -> states.put(task, c.state()));
		}
		return states;
	}

}
