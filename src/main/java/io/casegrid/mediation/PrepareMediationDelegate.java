package io.casegrid.mediation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 确定调解组织. In: caseId, handlingUnitCode (the village or township committee). Out: villageCode, townshipCode,
 * brandRoom, brandRoomName, villageDueAt, villageWarnAt, extensionCount (0), mediatorGroup.
 */
@Component("prepareMediation")
class PrepareMediationDelegate implements JavaDelegate {

	private final Mediations mediations;

	PrepareMediationDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var caseId = ProcessVariables.caseId(execution);
		MediatorPlacement placement = mediations.open(caseId,
				ProcessVariables.string(execution, CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE));
		Instant dueAt = mediations.get(caseId).levelDueAt();
		execution.setVariable(Vars.VILLAGE_CODE, placement.villageCode());
		execution.setVariable(Vars.TOWNSHIP_CODE, placement.townshipCode());
		execution.setVariable(Vars.BRAND_ROOM, placement.brandRoom() == null ? null : placement.brandRoom().code());
		execution.setVariable(Vars.BRAND_ROOM_NAME, placement.brandRoom() == null ? null : placement.brandRoom().name());
		execution.setVariable(Vars.VILLAGE_DUE_AT, Date.from(dueAt));
		execution.setVariable(Vars.VILLAGE_WARN_AT, Date.from(mediations.warnAt(dueAt)));
		execution.setVariable(Vars.EXTENSION_COUNT, 0);
		execution.setVariable(Vars.MEDIATOR_GROUP, MediatorGroups.committee(placement.villageCode()));
	}

}
