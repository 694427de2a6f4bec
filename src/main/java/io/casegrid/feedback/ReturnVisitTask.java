package io.casegrid.feedback;

import java.util.List;

import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/** 回访: the operator calls the reporter back and records their evaluation. */
@Component
class ReturnVisitTask implements UserTaskContract {

	@Override
	public String taskKey() {
		return Ids.TASK_RETURN_VISIT;
	}

	@Override
	public String outcomeVariable() {
		return Vars.EVALUATION_SCORE;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		OutcomeField comment = OutcomeField.text(Vars.EVALUATION_COMMENT, "群众意见", false);
		return List.of(TaskOutcome.of("SATISFIED", "满意", comment),
				TaskOutcome.of("BASICALLY_SATISFIED", "基本满意", comment),
				TaskOutcome.of("DISSATISFIED", "不满意", comment));
	}

}
