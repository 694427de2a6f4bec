package io.casegrid.emergency;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing 县级指挥平台接报 or 应急处置: records it; handling done sets handlingOutcome = RESOLVED. */
@Component("recordEmergencyTask")
class RecordEmergencyTaskListener implements TaskListener {

	static final String TASK_COUNTY_ACKNOWLEDGE = "Task_CountyAcknowledge";

	private final Emergencies emergencies;

	RecordEmergencyTaskListener(Emergencies emergencies) {
		this.emergencies = emergencies;
	}

	@Override
	public void notify(DelegateTask task) {
		var caseId = ProcessVariables.caseId(task);
		String comment = ProcessVariables.takeComment(task);
		if (TASK_COUNTY_ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
			emergencies.acknowledge(caseId, ProcessActor.current(),
					comment != null ? comment : ProcessVariables.string(task, "commandNote"));
			return;
		}
		emergencies.handled(caseId, ProcessVariables.string(task, "resolution"), ProcessActor.current(), comment);
		task.setVariable(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, EmergencyOutcomes.RESOLVED);
	}

}
