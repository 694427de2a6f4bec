package io.casegrid.bench.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the service's database directly (JDBC, no psql needed): the server's side of the truth. Also moves timer
 * jobs' due dates, the one thing the harness writes, so that a thousand SLA clocks run out at the same moment.
 */
final class CaseStore {

	private final String url;

	CaseStore(String url) {
		this.url = url;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(url, "postgres", "");
	}

	long count(String sql, Object... params) {
		return query(sql, rs -> rs.getLong(1), params).get(0);
	}

	/** Runnable jobs left: async continuations, and timers already due. */
	long pendingJobs() {
		return count("""
				SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1
				AND (type_ = 'message' OR duedate_ <= now())""");
	}

	long incidents() {
		return count("SELECT count(*) FROM act_ru_incident");
	}

	long lockedJobs() {
		return count("SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ > now()");
	}

	/** Waits until no runnable job is left; returns how long it took, or null when the timeout passed. */
	Duration awaitSettled(Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (pendingJobs() == 0) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			Pause.of(Duration.ofSeconds(1));
		}
		return null;
	}

	/** Which of these cases are not in case_file. */
	List<UUID> missing(Collection<UUID> caseIds) {
		List<UUID> found = query("SELECT id FROM case_file WHERE id = ANY(?)", rs -> rs.getObject(1, UUID.class),
				(Object) uuids(caseIds));
		List<UUID> missing = new ArrayList<>(caseIds);
		missing.removeAll(found);
		return missing;
	}

	/** The case each idempotency key (as the client sent it) is stored with. */
	Map<String, UUID> keys() {
		Map<String, UUID> keys = new HashMap<>();
		query("SELECT idempotency_key, case_id FROM intake_request", rs -> {
			keys.put(rs.getString(1).substring("key:".length()), rs.getObject(2, UUID.class));
			return null;
		});
		return keys;
	}

	/**
	 * Cases whose record disagrees with itself or with the engine: not exactly one CaseLifecycle ever started with
	 * the case as business key, a running instance on an archived case or none on an open one, not exactly one
	 * REPORTED entry on the timeline. Each as "case: what".
	 */
	List<String> inconsistentCases() {
		return query("""
				SELECT c.id, c.step,
				  (SELECT count(*) FROM act_hi_procinst p WHERE p.business_key_ = c.id::text
				     AND p.proc_def_key_ = 'CaseLifecycle') AS started,
				  (SELECT count(*) FROM act_ru_execution e WHERE e.business_key_ = c.id::text AND e.parent_id_ IS NULL
				     AND e.proc_def_id_ LIKE 'CaseLifecycle:%') AS running,
				  (SELECT count(*) FROM case_event ev WHERE ev.case_id = c.id AND ev.type = 'REPORTED') AS reported
				FROM case_file c""", rs -> {
			String step = rs.getString("step");
			long started = rs.getLong("started");
			long running = rs.getLong("running");
			long reported = rs.getLong("reported");
			long expectedRunning = "ARCHIVED".equals(step) ? 0 : 1;
			if (started == 1 && running == expectedRunning && reported == 1) {
				return null;
			}
			return rs.getObject("id") + ": step " + step + ", instances started " + started + ", running " + running
					+ ", REPORTED entries " + reported;
		}).stream().filter(s -> s != null).toList();
	}

	/** Step → number of cases. */
	Map<String, Long> steps() {
		Map<String, Long> steps = new TreeMap<>();
		query("SELECT step, count(*) FROM case_file GROUP BY step", rs -> steps.put(rs.getString(1), rs.getLong(2)));
		return steps;
	}

	/** Cases (among these) with no open task of the given BPMN id in their process tree. */
	List<UUID> withoutOpenTask(Collection<UUID> caseIds, String taskKey) {
		List<UUID> with = query("""
				SELECT DISTINCT v.text_::uuid FROM act_ru_task t JOIN act_ru_variable v
				  ON v.proc_inst_id_ = t.proc_inst_id_ AND v.execution_id_ = v.proc_inst_id_ AND v.name_ = 'caseId'
				WHERE t.task_def_key_ = ? AND v.text_ = ANY(?)""", rs -> rs.getObject(1, UUID.class), taskKey,
				texts(caseIds));
		List<UUID> without = new ArrayList<>(caseIds);
		without.removeAll(with);
		return without;
	}

	/** Cases (among these) with an open SLA clock of the given level, i.e. waiting on that level's timers. */
	List<UUID> onLevel(Collection<UUID> caseIds, String level) {
		return query("""
				SELECT DISTINCT case_id FROM sla_clock WHERE case_id = ANY(?) AND phase = 'HANDLING' AND level = ?
				AND stopped_at IS NULL""", rs -> rs.getObject(1, UUID.class), uuids(caseIds), level);
	}

	/**
	 * Moves the timer jobs of one BPMN timer (e.g. BoundaryEvent_HandleBreach) of these cases to the given time;
	 * returns how many jobs moved. The engine reads duedate_ when it acquires jobs, so this is what a clock running
	 * out looks like to it.
	 */
	int moveTimers(String timerActivity, Collection<UUID> caseIds, Instant due) {
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
				UPDATE act_ru_job j SET duedate_ = ? FROM act_ru_jobdef d, act_ru_variable v
				WHERE j.job_def_id_ = d.id_ AND d.act_id_ = ? AND v.proc_inst_id_ = j.process_instance_id_
				AND v.execution_id_ = v.proc_inst_id_ AND v.name_ = 'caseId' AND v.text_ = ANY(?)""")) {
			s.setTimestamp(1, Timestamp.from(due));
			s.setString(2, timerActivity);
			s.setArray(3, c.createArrayOf("text", caseIds.stream().map(UUID::toString).toArray()));
			return s.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How many rows each case has in a table (case_id column, optional extra condition): count → cases. */
	Map<Long, Long> perCase(String table, String condition, Collection<UUID> caseIds) {
		Map<UUID, Long> rows = new HashMap<>();
		caseIds.forEach(id -> rows.put(id, 0L));
		query("SELECT case_id, count(*) FROM " + table + " WHERE case_id = ANY(?)"
				+ (condition == null ? "" : " AND " + condition) + " GROUP BY case_id",
				rs -> rows.put(rs.getObject(1, UUID.class), rs.getLong(2)), (Object) uuids(caseIds));
		Map<Long, Long> histogram = new TreeMap<>();
		rows.values().forEach(n -> histogram.merge(n, 1L, Long::sum));
		return histogram;
	}

	/** Successful executions of a BPMN activity's jobs per engine host name (which node fired them). */
	Map<String, Long> jobsByHost(String activity) {
		Map<String, Long> hosts = new LinkedHashMap<>();
		query("""
				SELECT hostname_, count(*) FROM act_hi_job_log WHERE act_id_ = ? AND job_state_ = 2
				GROUP BY hostname_ ORDER BY hostname_""", rs -> hosts.put(rs.getString(1), rs.getLong(2)), activity);
		return hosts;
	}

	long failedJobLogs(String activity) {
		return count("SELECT count(*) FROM act_hi_job_log WHERE act_id_ = ? AND job_state_ = 1",
				activity);
	}

	interface Row<T> {

		T map(ResultSet rs) throws SQLException;

	}

	<T> List<T> query(String sql, Row<T> row, Object... params) {
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				Object p = params[i];
				if (p instanceof UUID[] ids) {
					Array array = c.createArrayOf("uuid", ids);
					s.setArray(i + 1, array);
				}
				else if (p instanceof String[] texts) {
					s.setArray(i + 1, c.createArrayOf("text", texts));
				}
				else {
					s.setObject(i + 1, p);
				}
			}
			List<T> out = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					out.add(row.map(rs));
				}
			}
			return out;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	private static UUID[] uuids(Collection<UUID> ids) {
		return ids.toArray(UUID[]::new);
	}

	private static String[] texts(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

}
