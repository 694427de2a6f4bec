package io.casegrid.handling;

import java.util.List;

import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/** 办理: the handling unit resolves the case, asks for more time, or sends it back to dispatch. */
@Component
class HandleTask implements UserTaskContract {

	static final String RESOLVED = "RESOLVED";

	static final String NEED_MORE_TIME = "NEED_MORE_TIME";

	static final String RETURN = "RETURN";

	@Override
	public String taskKey() {
		return Ids.TASK_HANDLE;
	}

	@Override
	public String outcomeVariable() {
		return Vars.HANDLING_OUTCOME;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		return List.of(TaskOutcome.of(RESOLVED, "已办结", OutcomeField.text("resolution", "办理结果", true)),
				TaskOutcome.of(NEED_MORE_TIME, "需要更多时间", OutcomeField.text("extensionReason", "延时理由", true),
						OutcomeField.dateTime("expectedBy", "预计办结时间", false)),
				TaskOutcome.of(RETURN, "退回重新派单", OutcomeField.text("returnReason", "退回理由", true)));
	}

}
