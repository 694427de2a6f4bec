package io.casegrid.mediation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complete listeners of the mediation's user tasks ({@code village-mediation.bpmn}, {@code tiered-mediation.bpmn},
 * {@code three-heads-consultation.bpmn}, {@code mediation-agreement.bpmn}): one per kind of step, each writing what was
 * decided into the mediation record and the case's timeline through {@link Mediations}. Where several tasks are of
 * one kind, the task says which of its variables to read in an extension property ({@code camunda:property}).
 */
@Configuration(proxyBeanMethods = false)
class MediationTaskGlue {

	/** 调处 at a level: the extension property naming the variable that holds the task's outcome. */
	static final String OUTCOME_VARIABLE_PROPERTY = "outcomeVariable";

	/** 三长意见: the extension property naming whose opinion the task takes ({@link Head}). */
	static final String HEAD_PROPERTY = "head";

	/** 受理: accepted (parties, summary) or declined with a reason. */
	@Bean("recordDisputeAcceptance")
	TaskListener recordDisputeAcceptance(Mediations mediations) {
		return task -> {
			String comment = ProcessVariables.takeComment(task);
			if (MediationOutcomes.ACCEPT.equals(var(task, Vars.ACCEPT_OUTCOME))) {
				mediations.accept(ProcessVariables.caseId(task), var(task, "parties"), var(task, "disputeSummary"),
						ProcessActor.current(), comment);
			}
			else {
				mediations.decline(ProcessVariables.caseId(task), var(task, Vars.REFERRAL_REASON), ProcessActor.current(),
						comment);
			}
		};
	}

	/**
	 * 按程序调处 / 品牌调解室调解 / 县综治中心协调化解: a session, the settlement, the failure or (village) a request for
	 * more time; the outcome is in the variable the task's {@value #OUTCOME_VARIABLE_PROPERTY} property names. Out
	 * (request): extensionCount.
	 */
	@Bean("recordMediationOutcome")
	TaskListener recordMediationOutcome(Mediations mediations) {
		return task -> {
			var caseId = ProcessVariables.caseId(task);
			String actor = ProcessActor.current();
			String comment = ProcessVariables.takeComment(task);
			String outcome = var(task, property(task, OUTCOME_VARIABLE_PROPERTY));
			switch (outcome) {
				case MediationOutcomes.RECORD_SESSION -> mediations.recordSession(caseId,
						ProcessVariables.instant(task, "sessionHeldAt"), var(task, "sessionParticipants"),
						var(task, "sessionSummary"), actor);
				case MediationOutcomes.SETTLED -> mediations.settle(caseId, var(task, "settlementSummary"), actor, comment);
				case MediationOutcomes.NOT_SETTLED -> mediations.notSettled(caseId, var(task, "notSettledReason"), actor, comment);
				case MediationOutcomes.REQUEST_EXTENSION -> task.setVariable(Vars.EXTENSION_COUNT,
						mediations.requestExtension(caseId, var(task, "extensionReason"), actor, comment));
				default -> throw new IllegalStateException("Unknown mediation outcome " + outcome + " on task " + task.getId());
			}
		};
	}

	/** 审批延期: the 司法所 grants the one extension (the level's clock and timers move) or refuses it. */
	@Bean("recordExtensionDecision")
	TaskListener recordExtensionDecision(Mediations mediations) {
		return task -> {
			ProcessVariables.takeComment(task);
			if (MediationOutcomes.GRANT.equals(var(task, Vars.EXTENSION_DECISION))) {
				mediations.grantExtension(ProcessVariables.caseId(task), ProcessActor.current(), var(task, "grantNote"));
			}
			else {
				mediations.refuseExtension(ProcessVariables.caseId(task), ProcessActor.current(),
						var(task, "refuseReason"));
			}
		};
	}

	/** 品牌调解室及时介入: the brand room takes the dispute over (the diagram then throws its error). */
	@Bean("recordBrandRoomStepIn")
	TaskListener recordBrandRoomStepIn(Mediations mediations) {
		return task -> {
			ProcessVariables.takeComment(task);
			mediations.brandRoomStepsIn(ProcessVariables.caseId(task), var(task, "takeOverReason"),
					ProcessActor.current());
		};
	}

	/** 派出所所长 / 法庭庭长 / 司法所所长意见: the head the task's {@value #HEAD_PROPERTY} property names. */
	@Bean("recordHeadOpinion")
	TaskListener recordHeadOpinion(Mediations mediations) {
		return task -> {
			ProcessVariables.takeComment(task);
			Head head = Head.valueOf(property(task, HEAD_PROPERTY));
			mediations.recordOpinion(ProcessVariables.caseId(task), head, var(task, head.opinionVariable()),
					ProcessActor.current());
		};
	}

	/** 三长会商决定: settled, or not (the county centre takes over). */
	@Bean("recordJointDecision")
	TaskListener recordJointDecision(Mediations mediations) {
		return task -> {
			String comment = ProcessVariables.takeComment(task);
			String decision = var(task, "jointDecision");
			if (MediationOutcomes.SETTLED.equals(var(task, Vars.JOINT_OUTCOME))) {
				mediations.settle(ProcessVariables.caseId(task), decision, ProcessActor.current(), comment);
			}
			else {
				mediations.notSettled(ProcessVariables.caseId(task), decision, ProcessActor.current(), comment);
			}
		};
	}

	/** 制作调解协议书: records the signed agreement. Out: agreementId, judicialConfirmationDueAt (its timer reads it). */
	@Bean("signMediationAgreement")
	TaskListener signMediationAgreement(Mediations mediations) {
		return task -> {
			ProcessVariables.takeComment(task);
			var agreement = mediations.sign(ProcessVariables.caseId(task),
					new AgreementTerms(var(task, "parties"), var(task, "facts"), var(task, "obligations"),
							var(task, "performance"), ProcessVariables.instant(task, "performBy"),
							MediationOutcomes.SIGNATURES_CONFIRMED.equals(var(task, "signaturesConfirmed"))),
					ProcessActor.current());
			task.setVariable(Vars.AGREEMENT_ID, agreement.id().toString());
			task.setVariable(Vars.JUDICIAL_CONFIRMATION_DUE_AT, Date.from(agreement.judicialConfirmationDueAt()));
		};
	}

	/** 司法确认申请: applied to a court, or waived. */
	@Bean("recordJudicialConfirmation")
	TaskListener recordJudicialConfirmation(Mediations mediations) {
		return task -> {
			ProcessVariables.takeComment(task);
			mediations.judicialConfirmation(ProcessVariables.caseId(task), var(task, Vars.CONFIRMATION_OUTCOME),
					var(task, "court"), ProcessActor.current());
		};
	}

	/** 回访履行情况: how the agreement was performed, or how the referral went on. */
	@Bean("recordMediationFollowUp")
	TaskListener recordMediationFollowUp(Mediations mediations) {
		return task -> {
			String comment = ProcessVariables.takeComment(task);
			mediations.followUp(ProcessVariables.caseId(task), var(task, Vars.FOLLOW_UP_OUTCOME),
					var(task, "followUpNote"), ProcessActor.current(), comment);
		};
	}

	private static String var(DelegateTask task, String name) {
		return ProcessVariables.string(task, name);
	}

	/** The value of the task's extension property {@code name}, which its diagram must set. */
	static String property(DelegateTask task, String name) {
		ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
		return (extensions == null ? java.util.stream.Stream.<CamundaProperties>empty()
				: extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream())
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Task " + task.getTaskDefinitionKey() + " has no extension property " + name));
	}

}
