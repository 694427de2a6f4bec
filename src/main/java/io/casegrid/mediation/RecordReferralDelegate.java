package io.casegrid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** 转介. In: caseId, referralChannel, referralReason. */
@Component("recordReferral")
class RecordReferralDelegate implements JavaDelegate {

	private final Mediations mediations;

	RecordReferralDelegate(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		mediations.refer(ProcessVariables.caseId(execution),
				ReferralChannel.valueOf(ProcessVariables.string(execution, Vars.REFERRAL_CHANNEL)),
				ProcessVariables.string(execution, Vars.REFERRAL_REASON));
	}

}
