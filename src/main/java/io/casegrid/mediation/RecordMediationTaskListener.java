package io.casegrid.mediation;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing any mediation task: writes what was decided into the mediation record and the case timeline. */
@Component("recordMediationTask")
class RecordMediationTaskListener implements TaskListener {

	private final Mediations mediations;

	RecordMediationTaskListener(Mediations mediations) {
		this.mediations = mediations;
	}

	@Override
	public void notify(DelegateTask task) {
		UUID caseId = ProcessVariables.caseId(task);
		String actor = ProcessActor.current();
		String comment = ProcessVariables.takeComment(task);
		switch (task.getTaskDefinitionKey()) {
			case Ids.TASK_ACCEPT -> {
				if (MediationOutcomes.ACCEPT.equals(var(task, Vars.ACCEPT_OUTCOME))) {
					mediations.accept(caseId, var(task, "parties"), var(task, "disputeSummary"), actor, comment);
				}
				else {
					mediations.decline(caseId, var(task, Vars.REFERRAL_REASON), actor, comment);
				}
			}
			case Ids.TASK_VILLAGE_MEDIATION -> levelOutcome(task, caseId, var(task, Vars.VILLAGE_OUTCOME), actor, comment);
			case Ids.TASK_BRAND_ROOM_MEDIATION ->
				levelOutcome(task, caseId, var(task, Vars.BRAND_ROOM_OUTCOME), actor, comment);
			case Ids.TASK_COUNTY_MEDIATION -> levelOutcome(task, caseId, var(task, Vars.COUNTY_OUTCOME), actor, comment);
			case Ids.TASK_APPROVE_EXTENSION -> {
				if (MediationOutcomes.GRANT.equals(var(task, Vars.EXTENSION_DECISION))) {
					mediations.grantExtension(caseId, actor, var(task, "grantNote"));
				}
				else {
					mediations.refuseExtension(caseId, actor, var(task, "refuseReason"));
				}
			}
			case Ids.TASK_BRAND_ROOM_STEP_IN -> mediations.brandRoomStepsIn(caseId, var(task, "takeOverReason"), actor);
			case Ids.TASK_POLICE_OPINION -> mediations.recordOpinion(caseId, Head.POLICE, var(task, "policeOpinion"), actor);
			case Ids.TASK_COURT_OPINION -> mediations.recordOpinion(caseId, Head.COURT, var(task, "courtOpinion"), actor);
			case Ids.TASK_JUDICIAL_OPINION ->
				mediations.recordOpinion(caseId, Head.JUDICIAL, var(task, "judicialOpinion"), actor);
			case Ids.TASK_JOINT_CONSULTATION -> {
				if (MediationOutcomes.SETTLED.equals(var(task, Vars.JOINT_OUTCOME))) {
					mediations.settle(caseId, var(task, "jointDecision"), actor, comment);
				}
				else {
					mediations.notSettled(caseId, var(task, "jointDecision"), actor, comment);
				}
			}
			case Ids.TASK_DRAFT_AGREEMENT -> {
				var agreement = mediations.sign(caseId,
						new AgreementTerms(var(task, "parties"), var(task, "facts"), var(task, "obligations"),
								var(task, "performance"), ProcessVariables.instant(task, "performBy"),
								MediationOutcomes.SIGNATURES_CONFIRMED.equals(var(task, "signaturesConfirmed"))),
						actor);
				task.setVariable(Vars.AGREEMENT_ID, agreement.id().toString());
				task.setVariable(Vars.JUDICIAL_CONFIRMATION_DUE_AT, Date.from(agreement.judicialConfirmationDueAt()));
			}
			case Ids.TASK_JUDICIAL_CONFIRMATION ->
				mediations.judicialConfirmation(caseId, var(task, Vars.CONFIRMATION_OUTCOME), var(task, "court"), actor);
			case Ids.TASK_FOLLOW_UP ->
				mediations.followUp(caseId, var(task, Vars.FOLLOW_UP_OUTCOME), var(task, "followUpNote"), actor, comment);
			default -> throw new IllegalStateException("No mediation task " + task.getTaskDefinitionKey());
		}
	}

	private void levelOutcome(DelegateTask task, UUID caseId, String outcome, String actor, String comment) {
		switch (outcome) {
			case MediationOutcomes.RECORD_SESSION -> mediations.recordSession(caseId, ProcessVariables.instant(task, "sessionHeldAt"),
					var(task, "sessionParticipants"), var(task, "sessionSummary"), actor);
			case MediationOutcomes.SETTLED -> mediations.settle(caseId, var(task, "settlementSummary"), actor, comment);
			case MediationOutcomes.NOT_SETTLED -> mediations.notSettled(caseId, var(task, "notSettledReason"), actor, comment);
			case MediationOutcomes.REQUEST_EXTENSION -> task.setVariable(Vars.EXTENSION_COUNT,
					mediations.requestExtension(caseId, var(task, "extensionReason"), actor, comment));
			default -> throw new IllegalStateException("Unknown mediation outcome " + outcome);
		}
	}

	private static String var(DelegateTask task, String name) {
		return ProcessVariables.string(task, name);
	}

}
