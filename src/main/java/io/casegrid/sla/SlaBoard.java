package io.casegrid.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.casefile.CaseScope;
import io.casegrid.casefile.TimeSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads clocks across cases for dashboards and worklists: at risk, breached, and the clock behind a task. */
@Service
public class SlaBoard {

	public record Page(List<SlaClock> items, long total) {
	}

	private final SlaClockRepository clocks;

	private final JdbcClient jdbc;

	private final TimeSource time;

	SlaBoard(SlaClockRepository clocks, JdbcClient jdbc, TimeSource time) {
		this.clocks = clocks;
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
				+ " AND case_id IN (SELECT case_file.id FROM case_file WHERE " + scope.sql(params) + ")";
		long total = jdbc.sql("SELECT count(*) FROM sla_clock" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<UUID> ids = jdbc.sql("SELECT id FROM sla_clock" + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(UUID.class)
			.list();
		return page(ids, total);
	}

	private Page page(List<UUID> ids, long total) {
		Map<UUID, SlaClock> byId = new HashMap<>();
		clocks.findAllById(ids).forEach(c -> byId.put(c.id(), c));
		return new Page(ids.stream().map(byId::get).toList(), total);
	}

	/**
	 * Where the clock behind a task stands: the open clock whose timers live in the task's process instance (the one
	 * due when the task is, if several are open), so a worklist can sort by urgency.
	 */
	public Optional<ClockState> stateOfTask(String processInstanceId, Instant taskDue) {
		List<SlaClock> open = clocks.findOpenByProcessInstance(processInstanceId);
		Instant now = time.now();
		return open.stream()
			.filter(c -> taskDue == null || c.dueAt().equals(taskDue))
			.findFirst()
			.or(() -> open.stream().findFirst())
			.map(c -> c.stateAt(now));
	}

}
