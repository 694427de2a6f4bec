package io.casegrid.whistle;

import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.sla.ClockStart;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.TimerBinding;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部门报到: one whistled department's way through acknowledgement (报到), handling and its report, or its return
 * (退单) and the centre's jurisdiction decision (确权); each step on its own clock.
 */
@Service
public class DepartmentReports {

	private final SlaClocks clocks;

	private final CaseFiles files;

	DepartmentReports(SlaClocks clocks, CaseFiles files) {
		this.clocks = clocks;
		this.files = files;
	}

	/** The department is called in: its acknowledgement clock starts. */
	@Transactional
	public SlaClock open(UUID caseId, String department, TimerBinding timers, String actor) {
		return clocks.start(new ClockStart(caseId, Phase.ACCEPTANCE, "DEPARTMENT", department, department, null,
				timers), actor);
	}

	/**
	 * 报到: the acknowledgement clock stops and the handling clock starts. The case is in 调查落实 from now on: a
	 * department that reports for it starts the work, as a handling unit that signs for it does.
	 */
	@Transactional
	public SlaClock acknowledge(UUID caseId, String department, UUID ackClockId, TimerBinding timers, String actor) {
		clocks.stop(ackClockId, ClockState.MET, "报到", actor);
		files.change(caseId, actor, TimelineNote.of("DEPARTMENT_ACKNOWLEDGED", "部门报到：" + department,
				Map.of("departmentCode", department)).announcing(EventType.DEPARTMENT_ACKNOWLEDGED),
				f -> f.startHandling());
		return clocks.start(new ClockStart(caseId, Phase.HANDLING, "DEPARTMENT", department, department, null,
				timers), actor);
	}

	/**
	 * 退单: the department says the matter is not its own; the centre decides (确权). Its acknowledgement clock stops
	 * as RETURNED, not MET: a return is no 报到.
	 */
	@Transactional
	public void returnItem(UUID caseId, String department, UUID ackClockId, String reason, String actor) {
		clocks.stop(ackClockId, ClockState.RETURNED, "退单：" + reason, actor);
		files.note(caseId, actor, TimelineNote.of("DEPARTMENT_RETURNED", "部门退单：" + department + "（" + reason + "）",
				Map.of("departmentCode", department, "reason", reason)).announcing(EventType.DEPARTMENT_RETURNED));
	}

	/** 确权: the centre names the department that must act (the same one or another). */
	@Transactional
	public void confirmJurisdiction(UUID caseId, String returnedBy, String responsible, String note, String actor) {
		files.note(caseId, actor,
				TimelineNote.of("JURISDICTION_CONFIRMED",
						"确权：由 " + responsible + " 办理" + (responsible.equals(returnedBy) ? "（维持原部门）" : "（转自 " + returnedBy + "）")
								+ "。" + note,
						// departments: who is called in, read by the case scope as a whistle's are
						Map.of("departmentCode", responsible, "departments", responsible, "returnedBy", returnedBy))
							.announcing(EventType.JURISDICTION_CONFIRMED));
	}

	/** 办理并反馈: the department's result goes back to the level that whistled. */
	@Transactional
	public void report(UUID caseId, String department, UUID handlingClockId, String summary, boolean lead,
			String actor) {
		clocks.stop(handlingClockId, ClockState.MET, "已反馈", actor);
		files.note(caseId, actor, TimelineNote.of("DEPARTMENT_REPORTED",
				(lead ? "牵头部门" : "协办部门") + " " + department + " 反馈：" + summary,
				Map.of("departmentCode", department, "lead", Boolean.toString(lead))));
	}

	/**
	 * 撤回: the level that whistled withdraws a department it called in by mistake. Its running clock (报到 or 办理)
	 * stops as ESCALATED with the note 撤回 — neither met nor breached by the department.
	 */
	@Transactional
	public void withdraw(UUID caseId, String department, UUID clockId, String reason, String actor) {
		clocks.stop(clockId, ClockState.ESCALATED, "撤回：" + reason, actor);
		files.note(caseId, actor, TimelineNote.of("DEPARTMENT_WITHDRAWN", "撤回部门：" + department + "（" + reason + "）",
				Map.of("departmentCode", department, "reason", reason)).announcing(EventType.DEPARTMENT_WITHDRAWN));
	}

}
