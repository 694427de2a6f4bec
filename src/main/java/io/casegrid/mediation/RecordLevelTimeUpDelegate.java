package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 记录村级期满 / 记录会商期满. In: caseId. When the three heads' time box ran out, the dispute is referred to the
 * county governance centre. Out (then): referralChannel, referralReason.
 */
@Component("recordLevelTimeUp")
class RecordLevelTimeUpDelegate implements JavaDelegate {

	private final Mediations mediations;

	RecordLevelTimeUpDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		mediations.levelTimedOut(ProcessVariables.caseId(execution));
		if ("Task_RecordThreeHeadsTimeUp".equals(execution.getCurrentActivityId())) {
			execution.setVariable(Vars.REFERRAL_CHANNEL, ReferralChannel.COUNTY_CENTRE.name());
			execution.setVariable(Vars.REFERRAL_REASON, "三长会商期满未能调成，报县综治中心协调督促办理");
		}
	}

}
