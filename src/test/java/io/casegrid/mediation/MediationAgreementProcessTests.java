package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.assertj.core.data.TemporalUnitWithinOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;

/**
 * Every path through {@code mediation-agreement.bpmn}: the settled dispute's agreement (调解协议书) and the 30 days for
 * judicial confirmation (司法确认), reached through a settlement at the village.
 */
class MediationAgreementProcessTests extends MediationProcessTestSupport {

	@Test
	void agreementWithoutJudicialConfirmationGoesOnToTheFollowUp() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance agreement = settledAtTheVillage(d);
		assertThat(agreement).isWaitingAt(Ids.TASK_DRAFT_AGREEMENT);
		assertThat(task(agreement)).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		sign(agreement, "NO");

		assertThat(agreement).isEnded().hasPassed(Ids.END_NO_CONFIRMATION).hasNotPassed(Ids.TASK_JUDICIAL_CONFIRMATION);
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_FOLLOW_UP);
		MediationAgreement signed = mediations.agreementOf(d.caseId()).orElseThrow();
		assertThat(signed.mediatorOrganisation()).isEqualTo("东关社区人民调解委员会");
		assertThat(signed.obligations()).isEqualTo("王某于十日内拆除雨棚");
		assertThat(types(d)).containsSubsequence("MEDIATION_SETTLED", "AGREEMENT_SIGNED");
	}

	@Test
	void judicialConfirmationIsDueThirtyDaysAfterSigningAndRecordedWhenApplied() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance agreement = settledAtTheVillage(d);
		sign(agreement, "YES");

		assertThat(agreement).isWaitingAt(Ids.TASK_JUDICIAL_CONFIRMATION);
		assertThat(task(agreement)).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		Instant due = ((Date) runtime.getVariable(agreement.getId(), Vars.JUDICIAL_CONFIRMATION_DUE_AT)).toInstant();
		assertThat(due).isCloseTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)),
				new TemporalUnitWithinOffset(60, ChronoUnit.SECONDS));
		assertThat(timerDue(d, Ids.TIMER_CONFIRMATION_LAPSED)).isEqualTo(seconds(due));
		assertThat(runtime.getVariable(agreement.getId(), Vars.AGREEMENT_ID))
			.isEqualTo(mediations.agreementOf(d.caseId()).orElseThrow().id().toString());
		complete(task(agreement), withVariables(Vars.CONFIRMATION_OUTCOME, "APPLIED", "court", "云岭县人民法院"));

		assertThat(agreement).isEnded().hasPassed(Ids.END_CONFIRMATION_DECIDED);
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId()).judicialConfirmationStatus()).isEqualTo("APPLIED");
		assertThat(types(d)).containsSubsequence("AGREEMENT_SIGNED", "JUDICIAL_CONFIRMATION");
	}

	@Test
	void partiesMayWaiveJudicialConfirmation() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance agreement = settledAtTheVillage(d);
		sign(agreement, "YES");
		complete(task(agreement), withVariables(Vars.CONFIRMATION_OUTCOME, "WAIVED", "waiveReason", "当事人已履行"));

		assertThat(agreement).isEnded().hasPassed(Ids.END_CONFIRMATION_DECIDED);
		assertThat(mediations.get(d.caseId()).judicialConfirmationStatus()).isEqualTo("WAIVED");
	}

	@Test
	void thirtyDaysWithoutAnApplicationAreRecordedAsLapsedAndTheFollowUpComes() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance agreement = settledAtTheVillage(d);
		sign(agreement, "YES");
		fireTimer(d, Ids.TIMER_CONFIRMATION_LAPSED);

		assertThat(agreement).isEnded()
			.hasPassed(Ids.TASK_RECORD_CONFIRMATION_LAPSED, Ids.END_CONFIRMATION_LAPSED);
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId()).judicialConfirmationStatus()).isEqualTo("LAPSED");
	}

}
