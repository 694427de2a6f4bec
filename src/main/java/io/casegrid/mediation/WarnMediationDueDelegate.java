package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 提醒调解委员会 / 催办意见: a time limit is about to pass or has passed; writes the reminder on the timeline. */
@Component("warnMediationDue")
class WarnMediationDueDelegate implements JavaDelegate {

	private final Mediations mediations;

	WarnMediationDueDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String activity = execution.getCurrentActivityId();
		String what = switch (activity) {
			case "Task_RemindPolice" -> "催办：派出所所长意见已逾期";
			case "Task_RemindCourt" -> "催办：法庭庭长意见已逾期";
			case "Task_RemindJudicial" -> "催办：司法所所长意见已逾期";
			default -> "提醒：调解时限即将届满";
		};
		mediations.warnDue(ProcessVariables.caseId(execution), what);
	}

}
