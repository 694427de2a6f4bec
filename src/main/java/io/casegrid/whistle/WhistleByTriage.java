package io.casegrid.whistle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 按事项类别派发报到部门 ({@code Task_WhistleByTriage} of three-level-response.bpmn, and the condition of the flow to
 * it). In: caseId, responseLevel, levelGroup; the case's track and triage's department come from the case file. Out:
 * whistledDepartments, leadDepartment, triageWhistled. Public: the engine's expressions call {@link #applies} by
 * reflection.
 */
@Component("whistleByTriage")
public class WhistleByTriage implements JavaDelegate {

	private final Whistling whistling;

	WhistleByTriage(Whistling whistling) {
		this.whistling = whistling;
	}

	/**
	 * A department matter whose department triage found in the county, arriving at its township for the first time in
	 * this handling: the department reports at once instead of waiting for the township to whistle by hand.
	 */
	public boolean applies(DelegateExecution execution) {
		return "TOWNSHIP".equals(ProcessVariables.string(execution, Vars.RESPONSE_LEVEL))
				&& !Boolean.TRUE.equals(execution.getVariable(Vars.TRIAGE_WHISTLED))
				&& whistling.triageDepartmentOf(ProcessVariables.caseId(execution)).isPresent();
	}

	@Override
	public void execute(DelegateExecution execution) {
		String department = whistling.byTriage(ProcessVariables.caseId(execution),
				ProcessVariables.string(execution, Vars.LEVEL_GROUP));
		execution.setVariable(Vars.WHISTLED_DEPARTMENTS, department);
		execution.setVariable(Vars.LEAD_DEPARTMENT, department);
		execution.setVariable(Vars.TRIAGE_WHISTLED, true);
	}

}
