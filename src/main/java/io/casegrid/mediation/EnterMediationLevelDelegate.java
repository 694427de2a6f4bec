package io.casegrid.mediation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * ② 品牌调解室接手 / ③ 启动三长会商. In: caseId, level (input parameter: BRAND_ROOM or THREE_HEADS), brandRoom,
 * townshipCode. Out: levelDueAt, opinionDueAt (three heads), mediatorGroup.
 */
@Component("enterMediationLevel")
class EnterMediationLevelDelegate implements JavaDelegate {

	private final Mediations mediations;

	EnterMediationLevelDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MediationLevel level = MediationLevel.valueOf(ProcessVariables.string(execution, Vars.LEVEL));
		var dueAt = mediations.enter(ProcessVariables.caseId(execution), level, ProcessActor.current());
		execution.setVariable(Vars.LEVEL_DUE_AT, Date.from(dueAt));
		if (level == MediationLevel.THREE_HEADS) {
			execution.setVariable(Vars.OPINION_DUE_AT, Date.from(mediations.opinionDueAt()));
			execution.setVariable(Vars.MEDIATOR_GROUP,
					MediatorGroups.townshipCentre(ProcessVariables.string(execution, Vars.TOWNSHIP_CODE)));
		}
		else {
			execution.setVariable(Vars.MEDIATOR_GROUP,
					MediatorGroups.brandRoom(ProcessVariables.string(execution, Vars.BRAND_ROOM)));
		}
	}

}
