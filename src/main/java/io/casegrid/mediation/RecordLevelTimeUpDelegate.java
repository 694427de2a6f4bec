package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * 记录村级期满 / 记录会商期满 / 记录三级期满: the open level's time box ran out. In: caseId. When that level is the county's
 * (all three tiers, 七天, used up), the parties are pointed to the courts. Out (then): referralChannel, referralReason.
 */
@Component("recordLevelTimeUp")
class RecordLevelTimeUpDelegate implements JavaDelegate {

	private final Mediations mediations;

	RecordLevelTimeUpDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (mediations.levelTimedOut(ProcessVariables.caseId(execution)) == MediationLevel.COUNTY) {
			execution.setVariable(Vars.REFERRAL_CHANNEL, ReferralChannel.LITIGATION.name());
			execution.setVariable(Vars.REFERRAL_REASON, "三级调解期满未能调成，告知当事人依法向人民法院起诉");
		}
	}

}
