package io.casegrid.mediation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.TimerBinding;

import org.springframework.stereotype.Component;

/**
 * 品牌调解室接手 / ② 启动三长会商 / ③ 报县综治中心. In: caseId, level (input parameter: BRAND_ROOM, THREE_HEADS or
 * COUNTY), brandRoom, townshipCode. Out: levelDueAt (the due time of the tier's clock, which the level's time-up timer
 * reads), opinionDueAt (three heads: the clock's warning point), mediatorGroup.
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
		String timeUp = switch (level) {
			case BRAND_ROOM -> Ids.TIMER_BRAND_ROOM_TIME_UP;
			case THREE_HEADS -> Ids.TIMER_THREE_HEADS_TIME_UP;
			case COUNTY -> Ids.TIMER_COUNTY_TIME_UP;
			case VILLAGE -> throw new IllegalStateException("The village tier starts with the mediation");
		};
		SlaClock clock = mediations.enter(ProcessVariables.caseId(execution), level,
				new TimerBinding(execution.getProcessInstanceId(), Vars.LEVEL_DUE_AT, null, timeUp, null),
				ProcessActor.current());
		execution.setVariable(Vars.LEVEL_DUE_AT, Date.from(clock.dueAt()));
		String township = ProcessVariables.string(execution, Vars.TOWNSHIP_CODE);
		execution.setVariable(Vars.MEDIATOR_GROUP, switch (level) {
			case BRAND_ROOM -> MediatorGroups.brandRoom(ProcessVariables.string(execution, Vars.BRAND_ROOM));
			case THREE_HEADS -> MediatorGroups.townshipCentre(township);
			default -> MediatorGroups.COUNTY_CENTRE;
		});
		if (level == MediationLevel.THREE_HEADS) {
			execution.setVariable(Vars.OPINION_DUE_AT, Date.from(clock.warnAt()));
		}
	}

}
