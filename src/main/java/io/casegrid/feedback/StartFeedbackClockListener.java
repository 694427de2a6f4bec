package io.casegrid.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 已办结 (the flow to ⑤ 反馈结果 is taken): the 反馈 clock starts on the handling unit. In: caseId, handlingUnitCode. */
@Component("startFeedbackClock")
class StartFeedbackClockListener implements ExecutionListener {

	private final FeedbackClocks clocks;

	StartFeedbackClockListener(FeedbackClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateExecution execution) {
		clocks.resolved(ProcessVariables.caseId(execution), ProcessVariables.string(execution, Vars.HANDLING_UNIT_CODE),
				ProcessActor.current());
	}

}
