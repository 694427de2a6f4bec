package io.casegrid.escalation;

import java.util.List;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/**
 * 分级办理: the unit at the case's level resolves it, takes it up a level (上报), whistles departments in (township and
 * county only), or sends it back to dispatch.
 */
@Component
class HandleAtLevelTask implements UserTaskContract {

	static final String RESOLVED = "RESOLVED";

	static final String ESCALATE = "ESCALATE";

	static final String WHISTLE = "WHISTLE";

	static final String REQUEST_EXTENSION = "REQUEST_EXTENSION";

	static final String RETURN = "RETURN";

	static final List<String> EXTENSIONS = List.of("PT2H", "P1D", "P2D", "P3D");

	@Override
	public String taskKey() {
		return Ids.TASK_HANDLE_AT_LEVEL;
	}

	@Override
	public String outcomeVariable() {
		return CaseLifecycleProcess.Vars.HANDLING_OUTCOME;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		return List.of(TaskOutcome.of(RESOLVED, "已办结", OutcomeField.text("resolution", "办理结果", true)),
				TaskOutcome.of(ESCALATE, "上报上一级", OutcomeField.text(Vars.ESCALATION_REASON, "上报理由", true)),
				TaskOutcome.of(WHISTLE, "吹哨部门报到（社区、乡街、县级）",
						OutcomeField.text(Vars.WHISTLED_DEPARTMENTS, "被吹哨部门（组织编码，逗号分隔）", true),
						OutcomeField.orgUnit(Vars.LEAD_DEPARTMENT, "牵头部门（组织编码）")),
				TaskOutcome.of(REQUEST_EXTENSION, "申请延期（上一级审批）",
						OutcomeField.choice(Vars.EXTENSION, "延长时限", EXTENSIONS),
						OutcomeField.text(Vars.EXTENSION_REASON, "延期理由", true)),
				TaskOutcome.of(RETURN, "退回重新派单", OutcomeField.text("returnReason", "退回理由", true)));
	}

}
