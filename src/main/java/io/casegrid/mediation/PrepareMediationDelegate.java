package io.casegrid.mediation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.TimerBinding;

import org.springframework.stereotype.Component;

/**
 * 确定调解组织. In: caseId, handlingUnitCode (the village or township committee). Out: villageCode, townshipCode,
 * brandRoom, brandRoomName, villageDueAt, villageWarnAt (the village tier's clock, read by its timers),
 * extensionCount (0), mediatorGroup.
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
				ProcessVariables.string(execution, CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE),
				new TimerBinding(execution.getProcessInstanceId(), Vars.VILLAGE_DUE_AT, Vars.VILLAGE_WARN_AT,
						Ids.TIMER_VILLAGE_TIME_UP, Ids.TIMER_VILLAGE_WARNING));
		SlaClock clock = placement.clock();
		execution.setVariable(Vars.VILLAGE_CODE, placement.villageCode());
		execution.setVariable(Vars.TOWNSHIP_CODE, placement.townshipCode());
		execution.setVariable(Vars.BRAND_ROOM, placement.brandRoom() == null ? null : placement.brandRoom().code());
		execution.setVariable(Vars.BRAND_ROOM_NAME, placement.brandRoom() == null ? null : placement.brandRoom().name());
		execution.setVariable(Vars.VILLAGE_DUE_AT, Date.from(clock.dueAt()));
		execution.setVariable(Vars.VILLAGE_WARN_AT, Date.from(clock.warnAt()));
		execution.setVariable(Vars.EXTENSION_COUNT, 0);
		execution.setVariable(Vars.MEDIATOR_GROUP, MediatorGroups.committee(placement.villageCode()));
	}

}
