package io.casegrid.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;
import io.casegrid.sla.calendar.DueDateCalculator;
import io.casegrid.sla.calendar.Interval;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of cases: starts them with the limit of {@code sla-policy.dmn} on the working calendar, records
 * warnings and breaches, and pauses, resumes and extends them. Every change of a clock's times moves the BPMN timers
 * bound to it in the same transaction, so the engine never fires on a stale time.
 */
@Service
public class SlaClocks {

	private final SlaClockRepository clocks;

	private final ClockWrites writes;

	private final ClockReads reads;

	private final SlaPolicy policy;

	private final DueDateCalculator calculator;

	private final TimerJobs timers;

	private final TimeSource time;

	private final CaseFiles files;

	private final SlaProperties properties;

	private final OrgDirectory org;

	/** The class of a case that triage gave none (the policy's middle class). */
	private static final String DEFAULT_CLASS = SlaClass.TIME_CONSUMING.name();

	SlaClocks(SlaClockRepository clocks, ClockWrites writes, ClockReads reads, SlaPolicy policy, DueDateCalculator calculator,
			TimerJobs timers, TimeSource time, CaseFiles files, SlaProperties properties, OrgDirectory org) {
		this.org = org;
		this.clocks = clocks;
		this.writes = writes;
		this.reads = reads;
		this.policy = policy;
		this.calculator = calculator;
		this.timers = timers;
		this.time = time;
		this.files = files;
		this.properties = properties;
	}

	/**
	 * Starts a clock now; its due and warning times are what the BPMN timers must read. The limit is turned into the
	 * clock's budget (two working days = the office hours of the two working days counted from the start), and the due
	 * time follows from start and budget exactly as {@link #recalculateWorkingClocks} computes it, so that a
	 * recalculation with an unchanged calendar moves nothing, whenever the clock started.
	 */
	@Transactional
	public SlaClock start(ClockStart start, String actor) {
		return startWhereLimited(start, actor).orElseThrow(() -> new IllegalStateException(
				"sla-policy.dmn has no limit for " + start.slaClass() + " / " + start.phase()));
	}

	/**
	 * Starts a clock when {@code sla-policy.dmn} has a limit for the case's class, phase and priority (a vulnerable
	 * reporter's higher priority may shorten it), and nothing otherwise: a phase a class does not count (回音 of a
	 * small matter) has no clock. The class is the case's when the start names none.
	 */
	@Transactional
	public Optional<SlaClock> startWhereLimited(ClockStart start, String actor) {
		CaseFile file = files.get(start.caseId());
		String slaClass = classOf(start, file);
		return policy.limitFor(slaClass, start.phase(), file.priority())
				.map(limit -> started(start, slaClass, limit, actor));
	}

	/**
	 * Starts a clock now with a limit another policy table states (e.g. a mediation level's time box from
	 * {@code mediation-policy.dmn}), counted exactly as {@link #start(ClockStart, String)} counts.
	 */
	@Transactional
	public SlaClock start(ClockStart start, SlaLimit limit, String actor) {
		return started(start, classOf(start, files.get(start.caseId())), limit, actor);
	}

	private static String classOf(ClockStart start, CaseFile file) {
		return start.slaClass() != null ? start.slaClass()
				: file.slaClass() != null ? file.slaClass() : DEFAULT_CLASS;
	}

	private SlaClock started(ClockStart start, String slaClass, SlaLimit limit, String actor) {
		Instant now = time.now();
		Duration budget = between(now, limit.dueFrom(now, calculator), limit.counting());
		Instant due = dueOf(now, budget, List.of(), limit.counting());
		SlaClock clock = SlaClock.started(start.caseId(), start.phase(), start.level(), start.unitCode(),
				start.departmentCode(), slaClass, limit, now, due, warnOf(now, budget, List.of(), limit.counting()),
				budget, start.timers(), actor);
		return saved(clock);
	}

	/**
	 * Starts a clock of the case's class on a unit (its level read from the org tree), with no BPMN timer bound: the
	 * boards and {@code GET /cases/{id}/sla} show it at risk and breached by its times.
	 */
	@Transactional
	public Optional<SlaClock> startOn(UUID caseId, Phase phase, String unitCode, String actor) {
		return startWhereLimited(new ClockStart(caseId, phase, levelOf(unitCode), unitCode, null, null, null), actor);
	}

	/** Stops the case's open clocks of a phase (e.g. its 回音 when the reply is recorded); returns how many stopped. */
	@Transactional
	public int stopOpen(UUID caseId, Phase phase, ClockState reason, String note, String actor) {
		Instant now = time.now();
		int stopped = 0;
		for (SlaClock clock : clocks.findOpenByCase(caseId)) {
			if (clock.phase() == phase) {
				clock.stop(now, reason, note, actor);
				saved(clock);
				stopped++;
			}
		}
		return stopped;
	}

	/** The response level a unit stands at; a candidate group that is no unit (county command) is the county's. */
	private String levelOf(String unitCode) {
		OrgLevel level = unitCode == null ? OrgLevel.COUNTY
				: org.find(unitCode).map(OrgUnit::level).orElse(OrgLevel.COUNTY);
		return switch (level) {
			case MICRO_GRID, GRID -> "GRID";
			default -> level.name();
		};
	}

	/** The warning timer fired: the clock is at risk. */
	@Transactional
	public SlaClock warned(UUID clockId, String actor) {
		SlaClock clock = get(clockId);
		clock.warn(time.now(), actor);
		return saved(clock);
	}

	/** Stops a clock: MET when the work is done, BREACHED when its limit passed, ESCALATED when taken up by hand. */
	@Transactional
	public SlaClock stop(UUID clockId, ClockState reason, String note, String actor) {
		SlaClock clock = get(clockId);
		if (clock.stoppedAt() == null) {
			clock.stop(time.now(), reason, note, actor);
			clock = saved(clock);
		}
		return clock;
	}

	/**
	 * The work a clock measured was withdrawn (its task deleted when the level escalated or the work was cancelled):
	 * it stops as ESCALATED, or BREACHED when its limit had passed. A stopped clock stays as it is.
	 */
	@Transactional
	public SlaClock withdraw(UUID clockId, String note, String actor) {
		SlaClock clock = get(clockId);
		Instant now = time.now();
		if (clock.stoppedAt() == null) {
			clock.stop(now, now.isBefore(clock.dueAt()) ? ClockState.ESCALATED : ClockState.BREACHED, note, actor);
			clock = saved(clock);
		}
		return clock;
	}

	/**
	 * Stops the case's open clocks at a level, e.g. the whistled departments' when the case escalates past the level
	 * that whistled them (their work was cancelled with it): no clock may run on for work that no longer exists.
	 */
	@Transactional
	public void stopOpen(UUID caseId, String level, ClockState reason, String note, String actor) {
		Instant now = time.now();
		for (SlaClock clock : clocks.findOpenByCaseAtLevel(caseId, level)) {
			clock.stop(now, reason, note, actor);
			saved(clock);
		}
	}

	/**
	 * Whether the case ever had a clock of this phase (one statement: the clocks themselves, with their history and
	 * pauses, are not loaded).
	 */
	public boolean hadClock(UUID caseId, Phase phase) {
		return clocks.existsForPhase(caseId, phase.name());
	}

	/** Whether the case ever had a clock of this phase on this unit (e.g. the unit signed for it before). */
	public boolean hadClock(UUID caseId, Phase phase, String unitCode) {
		return unitCode != null && clocks.existsForUnit(caseId, phase.name(), unitCode);
	}

	/** The case's open clock of {@code phase}, if one runs (e.g. the open mediation level's time box). */
	public java.util.Optional<SlaClock> open(UUID caseId, Phase phase) {
		return clocks.findOpenByCase(caseId).stream().filter(c -> c.phase() == phase).findFirst();
	}

	/**
	 * Hands a running clock's time over to other BPMN timers (a brand mediation room that steps in works on the
	 * village level's clock), so that pausing, extending or recalculating it moves those.
	 */
	@Transactional
	public SlaClock rebind(UUID clockId, TimerBinding timers) {
		SlaClock clock = get(clockId);
		clock.rebind(timers);
		return saved(clock);
	}

	/**
	 * A process instance moved to another version of its process, where some of its timers have other ids (a timer
	 * mapped to a renamed or moved event): the open clocks bound to the instance's timers are bound to the new ids, so
	 * that pausing, extending or recalculating them keeps moving the timers that fire for them. Returns how many
	 * clocks were bound anew.
	 *
	 * @param movedTimers old timer id to new timer id, for the timers whose id changed
	 */
	@Transactional
	public int rebindMigratedTimers(String processInstanceId, Map<String, String> movedTimers) {
		int rebound = 0;
		for (SlaClock clock : clocks.findOpenByProcessInstance(processInstanceId)) {
			TimerBinding old = clock.timers();
			TimerBinding moved = new TimerBinding(old.processInstanceId(), old.dueVariable(), old.warnVariable(),
					movedTo(movedTimers, old.dueTimer()), movedTo(movedTimers, old.warnTimer()));
			if (!moved.equals(old)) {
				clock.rebind(moved);
				saved(clock);
				rebound++;
			}
		}
		return rebound;
	}

	private static String movedTo(Map<String, String> movedTimers, String timer) {
		return timer == null ? null : movedTimers.getOrDefault(timer, timer);
	}

	/**
	 * Pauses every running clock of the case, e.g. while the reporter supplies material (补充材料). Their timers are
	 * held until {@link #resume}.
	 */
	@Transactional
	public List<SlaClock> pause(UUID caseId, String reason, String actor) {
		List<SlaClock> running = clocks.findOpenByCase(caseId).stream().filter(SlaClock::running).toList();
		if (running.isEmpty()) {
			throw new ConflictException("Case " + caseId + " has no running SLA clock to pause");
		}
		Instant now = time.now();
		for (SlaClock clock : running) {
			clock.pause(now, left(now, clock.dueAt(), clock.limit().counting()),
					left(now, clock.warnAt(), clock.limit().counting()), reason, actor);
			saved(clock);
			timers.hold(clock.timers());
		}
		files.note(caseId, actor, TimelineNote.of("SLA_PAUSED", "计时暂停：" + reason, Map.of("reason", reason)));
		return running;
	}

	/**
	 * Pauses one running clock whose timed work has ended for now, e.g. a level's clock while the departments it
	 * whistled hold the matter (the level's timers ended with its task; they are created again from the variables
	 * {@link #resumeClock} sets). The case's other clocks run on; a clock that is not running stays as it is.
	 */
	@Transactional
	public SlaClock pauseClock(UUID clockId, String reason, String actor) {
		SlaClock clock = get(clockId);
		if (!clock.running()) {
			return clock;
		}
		Instant now = time.now();
		clock.pause(now, left(now, clock.dueAt(), clock.limit().counting()),
				left(now, clock.warnAt(), clock.limit().counting()), reason, actor);
		return saved(clock);
	}

	/** Resumes one paused clock with the time it had left and moves its timers; any other clock stays as it is. */
	@Transactional
	public SlaClock resumeClock(UUID clockId, String actor) {
		SlaClock clock = get(clockId);
		return clock.pausedAt() != null && clock.stoppedAt() == null ? release(clock, time.now(), actor) : clock;
	}

	private SlaClock release(SlaClock clock, Instant now, String actor) {
		Instant oldDue = clock.dueAt();
		clock.endPause(now);
		// the same calculation as a recalculation: start, budget and the pauses taken; a warning point passed
		// before the pause stays where it was
		Counting counting = clock.limit().counting();
		Instant due = dueOf(clock.startedAt(), clock.budget(), clock.endedPauses(), counting);
		Instant warn = warnOf(clock.startedAt(), clock.budget(), clock.endedPauses(), counting);
		clock.resume(now, due, warn, actor);
		SlaClock stored = saved(clock);
		timers.move(clock.timers(), oldDue, due, warn);
		return stored;
	}

	/** Resumes the paused clocks of the case with the time they had left, and moves their timers to the new times. */
	@Transactional
	public List<SlaClock> resume(UUID caseId, String actor) {
		List<SlaClock> paused = clocks.findOpenByCase(caseId).stream().filter(c -> c.pausedAt() != null).toList();
		if (paused.isEmpty()) {
			throw new ConflictException("Case " + caseId + " has no paused SLA clock");
		}
		Instant now = time.now();
		for (SlaClock clock : paused) {
			release(clock, now, actor);
		}
		files.note(caseId, actor, TimelineNote.of("SLA_RESUMED", "计时恢复"));
		return paused;
	}

	/** Extends a running clock (延期) by {@code extra} in its own counting, moving its timers. */
	@Transactional
	public SlaClock extend(UUID clockId, Duration extra, String reason, String actor) {
		SlaClock clock = get(clockId);
		return extendTo(clock, add(clock.dueAt(), extra, clock.limit().counting()), extra.toString(), reason, actor);
	}

	/**
	 * Extends a running clock (延期) by an ISO-8601 limit counted as the clock counts (P1D on a working-time clock is
	 * one working day), moving its timers.
	 */
	@Transactional
	public SlaClock extend(UUID clockId, String extension, String reason, String actor) {
		SlaClock clock = get(clockId);
		Counting counting = clock.limit().counting();
		Duration extra = between(clock.dueAt(),
				new SlaLimit(extension, counting).dueFrom(clock.dueAt(), calculator), counting);
		return extendTo(clock, add(clock.dueAt(), extra, counting), extension, reason, actor);
	}

	private SlaClock extendTo(SlaClock clock, Instant due, String extra, String reason, String actor) {
		UUID clockId = clock.id();
		if (!clock.running()) {
			throw new ConflictException("SLA clock " + clockId + " is not running");
		}
		Instant oldDue = clock.dueAt();
		Counting counting = clock.limit().counting();
		Duration added = between(oldDue, due, counting);
		Instant warn = warnOf(clock.startedAt(), clock.budget().plus(added), clock.endedPauses(), counting);
		clock.extend(time.now(), due, warn, added, reason, actor);
		saved(clock);
		timers.move(clock.timers(), oldDue, due, warn);
		files.note(clock.caseId(), actor, TimelineNote.of("SLA_EXTENDED", "延期：" + reason,
				Map.of("dueAt", due.toString(), "extra", extra)));
		return clock;
	}

	/**
	 * The working calendar changed (e.g. a local day off entered in {@code calendar_override}): every running clock that
	 * counts working time gets its due and warning times recomputed from its start, its budget and its pauses, and
	 * its timers move with them. Returns how many clocks moved.
	 */
	@Transactional
	public int recalculateWorkingClocks(String actor) {
		return recalculate(clocks.findRunningWorking(), actor);
	}

	/**
	 * A local calendar day changed: like {@link #recalculateWorkingClocks}, for the running working-time clocks whose
	 * window (start to due) touches {@code day} in {@code zone}, the only ones the day can move.
	 */
	@Transactional
	public int recalculateWorkingClocksAround(LocalDate day, ZoneId zone, String actor) {
		return recalculate(clocks.findRunningWorkingTouching(day.atStartOfDay(zone).toInstant(),
				day.plusDays(1).atStartOfDay(zone).toInstant()), actor);
	}

	private int recalculate(List<SlaClock> running, String actor) {
		Instant now = time.now();
		int moved = 0;
		for (SlaClock clock : running) {
			Duration budget = clock.budget();
			Instant due = dueOf(clock.startedAt(), budget, clock.endedPauses(), Counting.WORKING);
			Instant warn = warnOf(clock.startedAt(), budget, clock.endedPauses(), Counting.WORKING);
			if (!due.equals(clock.dueAt()) || !warn.equals(clock.warnAt())) {
				Instant oldDue = clock.dueAt();
				clock.recalculate(now, due, warn, actor);
				saved(clock);
				timers.move(clock.timers(), oldDue, due, warn);
				files.note(clock.caseId(), actor, TimelineNote.of("SLA_RECALCULATED",
						"工作日历调整：" + clock.unitCode() + " 的时限由 " + oldDue + " 改为 " + due,
						Map.of("phase", clock.phase().name(), "unitCode", clock.unitCode(), "previousDueAt",
								oldDue.toString(), "dueAt", due.toString()))
					.announcing(EventType.SLA_RECALCULATED));
				moved++;
			}
		}
		return moved;
	}

	/**
	 * Saves a clock. A clock another transaction changed since this one read it — a timer job breaching it while a
	 * user's action stops it as met, both on the same row — is a concurrent change in the engine's own terms: the job
	 * executor retries the job without spending one of its retries (on the retry the clock is stopped, or the job is
	 * gone with the task the action completed), and the API answers 409 (reload and try again), never 500.
	 */
	private SlaClock saved(SlaClock clock) {
		try {
			return writes.save(clock);
		}
		catch (OptimisticLockingFailureException lost) {
			throw new OptimisticLockingException("SLA clock " + clock.id() + " was changed at the same moment", lost);
		}
	}

	public SlaClock get(UUID clockId) {
		return clocks.findById(clockId).orElseThrow(() -> new NotFoundException("SLA clock", clockId));
	}

	public List<SlaClock> ofCase(UUID caseId) {
		return reads.ofCase(caseId);
	}

	public Instant now() {
		return time.now();
	}

	/**
	 * The one calculation of a due time, for a clock's start and for every recalculation: {@code budget} counted from
	 * {@code start} in the clock's counting, moved on by the time spent in {@code pauses}.
	 */
	private Instant dueOf(Instant start, Duration budget, List<Interval> pauses, Counting counting) {
		return calculator.dueAfterPauses(start, budget, pauses, counting == Counting.WORKING);
	}

	/** The warning point: {@code warn-at} of the budget, counted as {@link #dueOf} counts the whole budget. */
	private Instant warnOf(Instant start, Duration budget, List<Interval> pauses, Counting counting) {
		return dueOf(start, Duration.ofMillis((long) (budget.toMillis() * properties.warnAt())), pauses, counting);
	}

	private Duration between(Instant from, Instant to, Counting counting) {
		return counting == Counting.WORKING ? calculator.workingTimeBetween(from, to) : Duration.between(from, to);
	}

	private Duration left(Instant now, Instant until, Counting counting) {
		Duration left = counting == Counting.WORKING ? calculator.workingTimeBetween(now, until)
				: Duration.between(now, until);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private Instant add(Instant from, Duration amount, Counting counting) {
		return counting == Counting.WORKING ? calculator.addWorkingTime(from, amount) : from.plus(amount);
	}

}
