package io.casegrid.dispatch;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 研判派单 created: the case waits for a dispatcher and its 派单 clock runs. */
@Component("startDispatchClock")
class StartDispatchClockListener implements TaskListener {

	private final DispatchClocks clocks;

	StartDispatchClockListener(DispatchClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		clocks.awaiting(ProcessVariables.caseId(task), ProcessActor.current());
	}

}
