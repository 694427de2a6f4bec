package io.casegrid.feedback;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 回访: the visit's clock (phase RETURN_VISIT) starts when the task is created, on the unit it is offered to (in:
 * returnVisitGroup), and stops when the task ends, however it ends (visited, the resident's own evaluation arrived,
 * the evaluation period passed).
 */
@Component("returnVisitClock")
class ReturnVisitClockListener implements TaskListener {

	static final String RETURN_VISIT_CLOCK_ID = "returnVisitClockId";

	private final FeedbackClocks clocks;

	ReturnVisitClockListener(FeedbackClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			clocks.visitOpened(ProcessVariables.caseId(task), ProcessVariables.string(task, SendResultDelegate.RETURN_VISIT_GROUP),
					ProcessActor.current())
				.ifPresent(clock -> task.setVariableLocal(RETURN_VISIT_CLOCK_ID, clock.id().toString()));
			return;
		}
		Object clockId = task.getVariableLocal(RETURN_VISIT_CLOCK_ID);
		if (clockId != null) {
			clocks.visitClosed(UUID.fromString(clockId.toString()),
					EVENTNAME_COMPLETE.equals(task.getEventName()) ? "已回访" : "回访结束（居民已评价或评价期满）",
					ProcessActor.current());
		}
	}

}
