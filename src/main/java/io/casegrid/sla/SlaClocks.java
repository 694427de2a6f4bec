package io.casegrid.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.sla.calendar.DueDateCalculator;
import io.casegrid.sla.calendar.Interval;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

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

	private final SlaPolicy policy;

	private final DueDateCalculator calculator;

	private final TimerJobs timers;

	private final TimeSource time;

	private final CaseFiles files;

	private final SlaProperties properties;

	SlaClocks(SlaClockRepository clocks, SlaPolicy policy, DueDateCalculator calculator, TimerJobs timers,
			TimeSource time, CaseFiles files, SlaProperties properties) {
		this.clocks = clocks;
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
		SlaLimit limit = policy.limitFor(start.slaClass(), start.phase());
		Instant now = time.now();
		Duration budget = between(now, limit.dueFrom(now, calculator), limit.counting());
		Instant due = dueOf(now, budget, List.of(), limit.counting());
		SlaClock clock = SlaClock.started(start.caseId(), start.phase(), start.level(), start.unitCode(),
				start.departmentCode(), start.slaClass(), limit, now, due, warnPoint(now, due, limit.counting()), budget,
				start.timers(), actor);
		return clocks.save(clock);
	}

	/** The warning timer fired: the clock is at risk. */
	@Transactional
	public SlaClock warned(UUID clockId, String actor) {
		SlaClock clock = get(clockId);
		clock.warn(time.now(), actor);
		return clocks.save(clock);
	}

	/** Stops a clock: MET when the work is done, BREACHED when its limit passed, ESCALATED when taken up by hand. */
	@Transactional
	public SlaClock stop(UUID clockId, ClockState reason, String note, String actor) {
		SlaClock clock = get(clockId);
		if (clock.stoppedAt() == null) {
			clock.stop(time.now(), reason, note, actor);
			clock = clocks.save(clock);
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
		for (SlaClock clock : clocks.findOpenByCase(caseId)) {
			if (clock.level().equals(level)) {
				clock.stop(now, reason, note, actor);
				clocks.save(clock);
			}
		}
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
			clocks.save(clock);
			timers.hold(clock.timers());
		}
		files.note(caseId, actor, TimelineNote.of("SLA_PAUSED", "计时暂停：" + reason, Map.of("reason", reason)));
		return running;
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
			Instant oldDue = clock.dueAt();
			Counting counting = clock.limit().counting();
			Instant due = add(now, clock.remainingAtPause(), counting);
			Instant warn = add(now, clock.warnRemainingAtPause(), counting);
			clock.resume(now, due, warn, actor);
			clocks.save(clock);
			timers.move(clock.timers(), oldDue, due, warn);
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
		Instant warn = warnPoint(clock.startedAt(), due, counting);
		clock.extend(time.now(), due, warn, between(oldDue, due, counting), reason, actor);
		clocks.save(clock);
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
			Instant warn = dueOf(clock.startedAt(), Duration.ofMillis((long) (budget.toMillis() * properties.warnAt())),
					clock.endedPauses(), Counting.WORKING);
			if (!due.equals(clock.dueAt()) || !warn.equals(clock.warnAt())) {
				Instant oldDue = clock.dueAt();
				clock.recalculate(now, due, warn, actor);
				clocks.save(clock);
				timers.move(clock.timers(), oldDue, due, warn);
				moved++;
			}
		}
		return moved;
	}

	public SlaClock get(UUID clockId) {
		return clocks.findById(clockId).orElseThrow(() -> new NotFoundException("SLA clock", clockId));
	}

	public List<SlaClock> ofCase(UUID caseId) {
		return clocks.findByCase(caseId);
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

	private Instant warnPoint(Instant start, Instant due, Counting counting) {
		Duration total = counting == Counting.WORKING ? calculator.workingTimeBetween(start, due)
				: Duration.between(start, due);
		Duration beforeWarning = Duration.ofMillis((long) (total.toMillis() * properties.warnAt()));
		return counting == Counting.WORKING ? calculator.addWorkingTime(start, beforeWarning)
				: start.plus(beforeWarning);
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
