package io.casegrid.dispatch;

import java.util.List;

import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.worklist.FieldType;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/**
 * 研判派单: the dispatcher chooses the handling unit — and, for a case triage could not place, its track — or finds the
 * report invalid.
 */
@Component
class DispatchTask implements UserTaskContract {

	static final String DISPATCH = "DISPATCH";

	static final String REJECT = "REJECT";

	static final List<String> TRACKS = List.of("GRID", "DEPARTMENT", "DISPUTE", "EMERGENCY");

	@Override
	public String taskKey() {
		return Ids.TASK_DISPATCH;
	}

	@Override
	public String outcomeVariable() {
		return Vars.DISPATCH_OUTCOME;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		return List.of(
				TaskOutcome.of(DISPATCH, "派单", OutcomeField.orgUnit(Vars.HANDLING_UNIT_CODE, "承办单位"),
						new OutcomeField(Vars.TRACK, "处理类型（人工研判，可选）", FieldType.CHOICE, false, 20, TRACKS),
						OutcomeField.text("dispatchNote", "派单说明", false)),
				TaskOutcome.of(REJECT, "无效诉求", OutcomeField.text("rejectReason", "认定无效的理由", true)));
	}

}
