package io.casegrid.feedback;

import java.util.List;

import io.casegrid.feedback.ReturnVisitProcess.Ids;
import io.casegrid.feedback.ReturnVisitProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskOutcome;
import io.casegrid.worklist.UserTaskContract;

import org.springframework.stereotype.Component;

/** 评价后回访: the place's unit calls on the resident after their evaluation and records what it heard. */
@Component
class FollowUpVisitTask implements UserTaskContract {

	@Override
	public String taskKey() {
		return Ids.TASK_FOLLOW_UP_VISIT;
	}

	@Override
	public String outcomeVariable() {
		return Vars.FOLLOW_UP_VISIT_RESULT;
	}

	@Override
	public List<TaskOutcome> outcomes() {
		OutcomeField record = OutcomeField.text(Vars.VISIT_RECORD, "回访记录（群众怎么说、问题是否仍在）", true);
		return List.of(TaskOutcome.of("REACHED", "已回访", record), TaskOutcome.of("UNREACHABLE", "联系不上", record));
	}

	/** The label of an outcome code, for the timeline. */
	String labelOf(String code) {
		return outcomes().stream().filter(o -> o.code().equals(code)).map(TaskOutcome::label).findFirst().orElse(code);
	}

}
