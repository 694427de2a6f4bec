package io.casegrid.feedback;

import java.util.List;

import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/** 综治中心裁定: after a re-do the resident is still dissatisfied; the centre closes the case or dispatches it anew. */
@Component
class CentreDecisionTask implements UserTaskContract {

	static final String CLOSE = "CLOSE";

	@Override
	public String taskKey() {
		return Ids.TASK_CENTRE_DECISION;
	}

	@Override
	public String outcomeVariable() {
		return Vars.CENTRE_DECISION;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		OutcomeField reason = OutcomeField.text("decisionReason", "裁定理由", true);
		return List.of(TaskOutcome.of(CLOSE, "结案", reason), TaskOutcome.of("REASSIGN", "重新派单", reason));
	}

}
