package io.casegrid.whistle;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.casegrid.casefile.CaseVisibility;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.security.Actor;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回: while departments work a whistled matter, the level that whistled (who works for it, {@link
 * CaseActions#requireWorksFor}, as for 增派) withdraws a department called in by mistake. Its DepartmentReport gets
 * the message {@link DepartmentReportProcess#MESSAGE_WITHDRAWN} and ends through its event subprocess, so the
 * multi-instance counts it as finished and goes on when the others have reported. The lead is never withdrawn.
 */
@Service
class DepartmentWithdrawals {

	private final RuntimeService runtime;

	private final LevelTaskWhistle levelTask;

	private final CaseVisibility visibility;

	private final CaseActions actions;

	private final EngineUser engineUser;

	private final DepartmentList departmentList;

	DepartmentWithdrawals(RuntimeService runtime, LevelTaskWhistle levelTask, CaseVisibility visibility,
			CaseActions actions, EngineUser engineUser, DepartmentList departmentList) {
		this.runtime = runtime;
		this.levelTask = levelTask;
		this.visibility = visibility;
		this.actions = actions;
		this.engineUser = engineUser;
		this.departmentList = departmentList;
	}

	/** What is left: the departments still called in and the lead. */
	record Withdrawn(List<String> departments, String lead) {
	}

	/**
	 * 404 unless the actor sees the case, 409 when no departments work on it, 403 unless the actor works for the
	 * level that whistled, 409 for the lead or a department not at work on the case.
	 */
	@Transactional
	Withdrawn withdraw(UUID caseId, String department, String reason, Actor actor) {
		ProcessInstance handling = levelTask.departmentsAtWork(caseId);
		if (handling == null) {
			visibility.requireVisible(caseId, actor);
			throw new ConflictException("No departments work on case " + caseId);
		}
		String group = (String) runtime.getVariable(handling.getId(), Vars.LEVEL_GROUP);
		actions.requireWorksFor(caseId, group, actor, () -> new NotFoundException("Case", caseId));
		String lead = (String) runtime.getVariable(handling.getId(), Vars.LEAD_DEPARTMENT);
		if (department.equals(lead)) {
			throw new ConflictException("The lead department " + department + " cannot be withdrawn");
		}
		ProcessInstance report = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DepartmentReportProcess.PROCESS_KEY)
			.superProcessInstanceId(handling.getId())
			.variableValueEquals(DepartmentReportProcess.Vars.REPORT_DEPARTMENT, department)
			.singleResult();
		if (report == null) {
			throw new ConflictException("Department " + department + " does not work on case " + caseId);
		}
		List<String> left = departmentList.of((String) runtime.getVariable(handling.getId(), Vars.WHISTLED_DEPARTMENTS))
			.stream()
			.filter(code -> !code.equals(department))
			.toList();
		engineUser.runAs(actor.id(), () -> {
			runtime.setVariable(handling.getId(), Vars.WHISTLED_DEPARTMENTS, String.join(",", left));
			runtime.createMessageCorrelation(DepartmentReportProcess.MESSAGE_WITHDRAWN)
				.processInstanceId(report.getId())
				.setVariable(DepartmentReportProcess.Vars.WITHDRAW_REASON, reason)
				.correlate();
		});
		return new Withdrawn(left, lead);
	}

}
