package io.casegrid.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.ClockStart;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.TimerBinding;
import io.casegrid.web.ConflictException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three-level response (三级响应): puts a case on a level with its own handling clock, warns before the limit,
 * and takes the case one level up when the limit passes or its handler asks (上报), recording why.
 */
@Service
public class Escalations {

	public record Page(List<Escalation> items, long total) {
	}

	/** A case on a level: who handles it and the clock that holds them to the limit. */
	public record LevelEntered(ResponseLevel level, String group, SlaClock clock) {
	}

	private final ResponseLevels levels;

	private final SlaClocks clocks;

	private final EscalationRepository escalations;

	private final CaseFiles files;

	private final TimeSource time;

	Escalations(ResponseLevels levels, SlaClocks clocks, EscalationRepository escalations, CaseFiles files,
			TimeSource time) {
		this.levels = levels;
		this.clocks = clocks;
		this.escalations = escalations;
		this.files = files;
		this.time = time;
	}

	/**
	 * Enters a level: the first one (the dispatched unit's) when {@code level} is null, else the given one, and starts
	 * its handling clock bound to the level task's timers. The clock's department and SLA class are the case file's
	 * (not process variables: a manual 研判 or a later triage is seen by the next level entered).
	 */
	@Transactional
	public LevelEntered enter(UUID caseId, String level, String group, String handlingUnitCode, TimerBinding timers,
			String actor) {
		LevelAssignment assignment = level == null ? levels.first(handlingUnitCode)
				: new LevelAssignment(ResponseLevel.valueOf(level), group);
		CaseFile file = files.get(caseId);
		SlaClock clock = clocks.start(new ClockStart(caseId, Phase.HANDLING, assignment.level().name(),
				assignment.group(), file.departmentCode(), null, timers), actor);
		return new LevelEntered(assignment.level(), assignment.group(), clock);
	}

	/**
	 * The warning point of the level's clock passed: the clock is at risk, and {@code sla.warning} (written with it)
	 * tells the level's staff after commit, so a retried job tells them once.
	 */
	@Transactional
	public void warn(UUID caseId, UUID clockId, String group, String actor) {
		SlaClock clock = clocks.warned(clockId, actor);
		files.note(caseId, actor, TimelineNote.of("SLA_WARNED",
				"即将超时：" + group + " 应于 " + clock.dueAt() + " 前办结",
				Map.of("level", clock.level(), "unitCode", group, "dueAt", clock.dueAt().toString()))
			.announcing(EventType.SLA_WARNING));
	}

	/**
	 * Takes the case one level up from where it is and records why. The level's clock stops as BREACHED (the limit
	 * passed) or ESCALATED (上报 by hand). Returns the level above, for the process to enter.
	 */
	@Transactional
	public LevelAssignment escalate(UUID caseId, UUID clockId, String fromLevel, String fromGroup,
			EscalationTrigger trigger, String reason, String actor) {
		ResponseLevel from = ResponseLevel.valueOf(fromLevel);
		if (trigger == EscalationTrigger.MANUAL && from == ResponseLevel.COUNTY) {
			throw new ConflictException("Case " + caseId + " is at the county centre already: there is no level above");
		}
		LevelAssignment to = levels.above(caseId, from);
		String why = reason != null ? reason : "超过办理时限未办结";
		clocks.stop(clockId, trigger == EscalationTrigger.SLA_BREACH ? ClockState.BREACHED : ClockState.ESCALATED,
				why, actor);
		// a breach cancels the level with any department reports it whistled; their clocks end with it
		clocks.stopOpen(caseId, ResponseLevel.DEPARTMENT.name(), ClockState.ESCALATED, "案件已升级：" + why, actor);
		Instant now = time.now();
		escalations.save(new Escalation(UUID.randomUUID(), caseId, from, fromGroup, to.level(), to.group(), trigger,
				why, actor, now));
		String what = (trigger == EscalationTrigger.MANUAL ? "上报：" : "超时升级：") + fromGroup + " → " + to.group();
		TimelineNote escalated = TimelineNote.of("ESCALATED", what + "（" + why + "）",
				Map.of("fromLevel", from.name(), "toLevel", to.level().name(), "toUnit", to.group(), "trigger",
						trigger.name(), "reason", why));
		files.note(caseId, actor, (trigger == EscalationTrigger.SLA_BREACH
				? escalated.announcing(EventType.SLA_BREACHED) : escalated).announcing(EventType.CASE_ESCALATED));
		return to;
	}

	/**
	 * The level whistled departments in: while they hold the matter, responsibility and the escalating clocks are
	 * theirs (报到, 办理, 督办单), so the level's own clock pauses and cannot breach for time the departments spend.
	 */
	@Transactional
	public SlaClock handOver(UUID caseId, UUID clockId, String group, String actor) {
		SlaClock clock = clocks.pauseClock(clockId, "部门报到办理中：时限由被吹哨部门负责", actor);
		files.note(caseId, actor, TimelineNote.of("LEVEL_CLOCK_HANDED_OVER",
				"本级时钟暂停：被吹哨部门办理期间由部门负责时限（" + group + "）", Map.of("unitCode", group)));
		return clock;
	}

	/** Every whistled department reported: the level's clock runs on with the time it had left. */
	@Transactional
	public SlaClock takeBack(UUID caseId, UUID clockId, String group, String actor) {
		SlaClock clock = clocks.resumeClock(clockId, actor);
		files.note(caseId, actor,
				TimelineNote.of("LEVEL_CLOCK_RESUMED", "部门均已反馈，本级恢复计时：" + group + " 应于 " + clock.dueAt() + " 前办结",
						Map.of("unitCode", group, "dueAt", clock.dueAt().toString())));
		return clock;
	}

	/** Who approves an extension at this level: the level above (the county centre for itself). */
	public String extensionApprover(UUID caseId, String level) {
		return levels.above(caseId, ResponseLevel.valueOf(level)).group();
	}

	/** 延期 granted: the level's clock, its timers and the task's due move by the extension. */
	@Transactional
	public SlaClock grantExtension(UUID clockId, String extension, String reason, String actor) {
		return clocks.extend(clockId, extension, reason, actor);
	}

	/** The level's work ended (办结 or 退回): its clock stops, MET when in time. */
	@Transactional
	public void leave(UUID clockId, String outcome, String actor) {
		clocks.stop(clockId, ClockState.MET, outcome, actor);
	}

	public Page find(UUID caseId, String toLevel, String unit, Instant from, Instant to, int page, int size) {
		return new Page(escalations.find(caseId, toLevel, unit, from, to, size, (long) page * size),
				escalations.count(caseId, toLevel, unit, from, to));
	}

}
