package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 提醒调解委员会 / 催办意见: a time limit is about to pass or has passed; writes the reminder on the timeline. In: caseId,
 * head (input parameter, for a head's overdue opinion: POLICE, COURT or JUDICIAL; none for the level's warning).
 */
@Component("warnMediationDue")
class WarnMediationDueDelegate implements JavaDelegate {

	/** The input parameter naming the head whose opinion is overdue. */
	static final String HEAD = "head";

	private final Mediations mediations;

	WarnMediationDueDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String head = ProcessVariables.string(execution, HEAD);
		mediations.warnDue(ProcessVariables.caseId(execution),
				head == null ? "提醒：调解时限即将届满" : "催办：" + Head.valueOf(head).label() + "意见已逾期");
	}

}
