package io.casegrid.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One time limit of one case at one level (e.g. 办结 at the grid), kept after it stops so that it can be explained:
 * when it started, when it was due, when it warned, paused, was extended, breached or met.
 */
@Table("sla_clock")
public class SlaClock {

	@Id
	private UUID id;

	private UUID caseId;

	private Phase phase;

	private String level;

	private String unitCode;

	private String departmentCode;

	private String slaClass;

	private String timeLimit;

	private Counting counting;

	private Instant startedAt;

	private Instant dueAt;

	private Instant warnAt;

	private String budget;

	private Instant warnedAt;

	private Instant breachedAt;

	private Instant pausedAt;

	private String remainingAtPause;

	private String warnRemainingAtPause;

	private Instant stoppedAt;

	private ClockState stopReason;

	@Embedded.Nullable
	private TimerBinding timers;

	@MappedCollection(idColumn = "sla_clock", keyColumn = "position")
	private List<ClockPause> pauses = new ArrayList<>();

	@MappedCollection(idColumn = "sla_clock", keyColumn = "position")
	private List<ClockEvent> history = new ArrayList<>();

	@Version
	private Long version;

	/** The clock as it was read, taken at its first change: what {@link ClockWrites} compares with to write. */
	@Transient
	private Read read;

	/** A stored clock's columns, history length and pauses when it was read. */
	record Read(Map<String, Object> columns, int events, List<ClockPause> pauses) {
	}

	SlaClock() {
	}

	static SlaClock started(UUID caseId, Phase phase, String level, String unitCode, String departmentCode,
			String slaClass, SlaLimit limit, Instant at, Instant dueAt, Instant warnAt, Duration budget,
			TimerBinding timers, String actor) {
		SlaClock c = new SlaClock();
		c.id = UUID.randomUUID();
		c.caseId = caseId;
		c.phase = phase;
		c.level = level;
		c.unitCode = unitCode;
		c.departmentCode = departmentCode;
		c.slaClass = slaClass;
		c.timeLimit = limit.iso();
		c.counting = limit.counting();
		c.startedAt = at;
		c.dueAt = dueAt;
		c.warnAt = warnAt;
		c.budget = budget.toString();
		c.timers = timers;
		c.history.add(new ClockEvent(at, "STARTED", dueAt, limit.iso() + " " + limit.counting(), actor));
		return c;
	}

	/**
	 * A stored clock from its {@code sla_clock} row, for reads that take many clocks at once: {@link ClockReads}
	 * then gives it its pauses and history, as the aggregate's load does.
	 */
	static SlaClock stored(ResultSet row) throws SQLException {
		SlaClock c = new SlaClock();
		c.id = row.getObject("id", UUID.class);
		c.caseId = row.getObject("case_id", UUID.class);
		c.phase = Phase.valueOf(row.getString("phase"));
		c.level = row.getString("level");
		c.unitCode = row.getString("unit_code");
		c.departmentCode = row.getString("department_code");
		c.slaClass = row.getString("sla_class");
		c.timeLimit = row.getString("time_limit");
		c.counting = Counting.valueOf(row.getString("counting"));
		c.startedAt = instant(row, "started_at");
		c.dueAt = instant(row, "due_at");
		c.warnAt = instant(row, "warn_at");
		c.budget = row.getString("budget");
		c.warnedAt = instant(row, "warned_at");
		c.breachedAt = instant(row, "breached_at");
		c.pausedAt = instant(row, "paused_at");
		c.remainingAtPause = row.getString("remaining_at_pause");
		c.warnRemainingAtPause = row.getString("warn_remaining_at_pause");
		c.stoppedAt = instant(row, "stopped_at");
		String stopReason = row.getString("stop_reason");
		c.stopReason = stopReason == null ? null : ClockState.valueOf(stopReason);
		TimerBinding timers = new TimerBinding(row.getString("process_instance_id"), row.getString("due_variable"),
				row.getString("warn_variable"), row.getString("due_timer"), row.getString("warn_timer"));
		// as the aggregate's @Embedded.Nullable: no binding when all its columns are empty
		c.timers = timers.equals(new TimerBinding(null, null, null, null, null)) ? null : timers;
		c.version = row.getLong("version");
		return c;
	}

	/** The pauses and history lines of a clock read by {@link #stored}, in position order. */
	void loaded(List<ClockPause> pauses, List<ClockEvent> history) {
		this.pauses = new ArrayList<>(pauses);
		this.history = new ArrayList<>(history);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** Where the clock stands at {@code now}. */
	public ClockState stateAt(Instant now) {
		return stoppedAt != null ? stopReason : runningStateAt(now, pausedAt, breachedAt, dueAt, warnedAt, warnAt);
	}

	/** The state of a clock that has not stopped, from its columns (for boards that read many clocks at once). */
	static ClockState runningStateAt(Instant now, Instant pausedAt, Instant breachedAt, Instant dueAt, Instant warnedAt,
			Instant warnAt) {
		if (pausedAt != null) {
			return ClockState.PAUSED;
		}
		if (breachedAt != null || !now.isBefore(dueAt)) {
			return ClockState.BREACHED;
		}
		if (warnedAt != null || !now.isBefore(warnAt)) {
			return ClockState.AT_RISK;
		}
		return ClockState.RUNNING;
	}

	/** Natural time left until the due time (negative when overdue); null once stopped, frozen while paused. */
	public Duration remainingAt(Instant now) {
		if (stoppedAt != null) {
			return null;
		}
		if (pausedAt != null) {
			return Duration.between(pausedAt, dueAt);
		}
		return Duration.between(now, dueAt);
	}

	boolean running() {
		return stoppedAt == null && pausedAt == null;
	}

	void warn(Instant at, String actor) {
		changing();
		warnedAt = at;
		history.add(new ClockEvent(at, "WARNED", dueAt, null, actor));
	}

	void stop(Instant at, ClockState reason, String note, String actor) {
		changing();
		if (reason == ClockState.BREACHED) {
			breachedAt = at;
		}
		else if ((reason == ClockState.MET || reason == ClockState.RETURNED) && !at.isBefore(dueAt)) {
			// done (or given back), but late: the record says so
			reason = ClockState.BREACHED;
			breachedAt = dueAt;
		}
		stoppedAt = at;
		stopReason = reason;
		history.add(new ClockEvent(at, reason == ClockState.BREACHED ? "BREACHED" : "STOPPED", dueAt, note, actor));
	}

	void pause(Instant at, Duration remaining, Duration warnRemaining, String reason, String actor) {
		changing();
		pausedAt = at;
		remainingAtPause = remaining.toString();
		warnRemainingAtPause = warnRemaining.toString();
		pauses.add(new ClockPause(at, null, reason));
		history.add(new ClockEvent(at, "PAUSED", dueAt, reason, actor));
	}

	/** The open pause ends at {@code at}, so that the times can be computed over every pause taken. */
	void endPause(Instant at) {
		changing();
		pauses.set(pauses.size() - 1, pauses.get(pauses.size() - 1).ended(at));
	}

	void resume(Instant at, Instant newDueAt, Instant newWarnAt, String actor) {
		changing();
		pausedAt = null;
		remainingAtPause = null;
		warnRemainingAtPause = null;
		dueAt = newDueAt;
		warnAt = newWarnAt;
		history.add(new ClockEvent(at, "RESUMED", newDueAt, null, actor));
	}

	void extend(Instant at, Instant newDueAt, Instant newWarnAt, Duration extra, String reason, String actor) {
		changing();
		budget = budget().plus(extra).toString();
		dueAt = newDueAt;
		warnAt = newWarnAt;
		history.add(new ClockEvent(at, "EXTENDED", newDueAt, reason, actor));
	}

	/** The calendar changed: the same budget now ends elsewhere. */
	void recalculate(Instant at, Instant newDueAt, Instant newWarnAt, String actor) {
		changing();
		dueAt = newDueAt;
		warnAt = newWarnAt;
		history.add(new ClockEvent(at, "RECALCULATED", newDueAt, "工作日历调整", actor));
	}

	Duration budget() {
		return Duration.parse(budget);
	}

	/** Before the first change of a stored clock: remember it as read. */
	private void changing() {
		if (read == null && version != null) {
			read = new Read(changeableColumns(), history.size(), List.copyOf(pauses));
		}
	}

	/**
	 * The columns the changes above may write, with their values as stored; the rest (case, phase, level, unit,
	 * class, limit, start) is fixed when the clock starts.
	 */
	Map<String, Object> changeableColumns() {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("due_at", timestamp(dueAt));
		columns.put("warn_at", timestamp(warnAt));
		columns.put("budget", budget);
		columns.put("warned_at", timestamp(warnedAt));
		columns.put("breached_at", timestamp(breachedAt));
		columns.put("paused_at", timestamp(pausedAt));
		columns.put("remaining_at_pause", remainingAtPause);
		columns.put("warn_remaining_at_pause", warnRemainingAtPause);
		columns.put("stopped_at", timestamp(stoppedAt));
		columns.put("stop_reason", stopReason == null ? null : stopReason.name());
		columns.put("process_instance_id", timers == null ? null : timers.processInstanceId());
		columns.put("due_variable", timers == null ? null : timers.dueVariable());
		columns.put("warn_variable", timers == null ? null : timers.warnVariable());
		columns.put("due_timer", timers == null ? null : timers.dueTimer());
		columns.put("warn_timer", timers == null ? null : timers.warnTimer());
		return columns;
	}

	static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	/** Not stored yet: the first save inserts it with its history. */
	boolean isNew() {
		return version == null;
	}

	/** The clock as read before its first change; null when it has not changed since. */
	Read read() {
		return read;
	}

	long version() {
		return version;
	}

	/** The changes are stored: the row is at the next version, and the clock compares with itself from now on. */
	void written() {
		version++;
		read = null;
	}

	/** The pauses that are over, as the calendar arithmetic takes them. */
	List<io.casegrid.sla.calendar.Interval> endedPauses() {
		return pauses.stream()
			.filter(p -> p.endedAt() != null)
			.map(p -> new io.casegrid.sla.calendar.Interval(p.startedAt(), p.endedAt()))
			.toList();
	}

	public UUID id() {
		return id;
	}

	public UUID caseId() {
		return caseId;
	}

	public Phase phase() {
		return phase;
	}

	public String level() {
		return level;
	}

	public String unitCode() {
		return unitCode;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public String slaClass() {
		return slaClass;
	}

	public SlaLimit limit() {
		return new SlaLimit(timeLimit, counting);
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant dueAt() {
		return dueAt;
	}

	public Instant warnAt() {
		return warnAt;
	}

	public Instant warnedAt() {
		return warnedAt;
	}

	public Instant breachedAt() {
		return breachedAt;
	}

	public Instant pausedAt() {
		return pausedAt;
	}

	Duration remainingAtPause() {
		return remainingAtPause == null ? null : Duration.parse(remainingAtPause);
	}

	Duration warnRemainingAtPause() {
		return warnRemainingAtPause == null ? null : Duration.parse(warnRemainingAtPause);
	}

	public Instant stoppedAt() {
		return stoppedAt;
	}

	void rebind(TimerBinding timers) {
		changing();
		this.timers = timers;
	}

	public TimerBinding timers() {
		return timers;
	}

	public List<ClockPause> pauses() {
		return List.copyOf(pauses);
	}

	public List<ClockEvent> history() {
		return List.copyOf(history);
	}

}
