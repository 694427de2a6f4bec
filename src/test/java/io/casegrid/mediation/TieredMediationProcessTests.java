package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Counting;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaLimit;

/**
 * {@code tiered-mediation.bpmn} told tier by tier: the village ({@code village-mediation.bpmn}), the three heads
 * ({@code three-heads-consultation.bpmn}) and the agreement ({@code mediation-agreement.bpmn}) are called; the county
 * centre, the referral, the follow-up and the conclusion are the mediation's own. The called processes' own paths
 * are {@link VillageMediationProcessTests} and {@link MediationAgreementProcessTests}.
 */
class TieredMediationProcessTests extends MediationProcessTestSupport {

	@Test
	void settledAtTheVillageWithAnAgreementIsRecordedAsSettled() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_VILLAGE);
		sign(settledAtTheVillage(d), "NO");

		assertThat(d.mediation()).hasPassed(Ids.CALL_VILLAGE, Ids.CALL_AGREEMENT)
			.hasNotPassed(Ids.CALL_THREE_HEADS)
			.isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(task(d.mediation())).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		complete(task(d.mediation()), withVariables(Vars.FOLLOW_UP_OUTCOME, "PERFORMED", "followUpNote", "已按期拆除"));

		Mediation record = mediations.get(d.caseId());
		assertThat(record.status()).isEqualTo(MediationStatus.CONCLUDED);
		assertThat(record.level()).isEqualTo(MediationLevel.VILLAGE);
		assertThat(files.get(d.caseId()).resolution()).contains("调解成功").contains("王某拆除挡光雨棚");
		assertThat(types(d)).containsSubsequence("DISPATCHED", "MEDIATION_RECEIVED", "MEDIATION_ACCEPTED",
				"MEDIATION_SETTLED", "AGREEMENT_SIGNED", "MEDIATION_FOLLOW_UP", "MEDIATION_CONCLUDED");
		assertConcludedAs(d, MediationOutcome.SETTLED);
	}

	@Test
	void declinedDisputeIsReferredAndRecordedAsDeclined() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		complete(task(village(d)), withVariables(Vars.ACCEPT_OUTCOME, "DECLINE", Vars.REFERRAL_CHANNEL, "LITIGATION",
				Vars.REFERRAL_REASON, "涉及房屋产权确认，不属于人民调解范围"));

		assertThat(d.mediation()).hasPassed(Ids.TASK_RECORD_REFERRAL)
			.hasNotPassed(Ids.CALL_THREE_HEADS, Ids.CALL_AGREEMENT)
			.isWaitingAt(Ids.TASK_FOLLOW_UP);
		complete(task(d.mediation()), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已起诉"));
		assertThat(mediations.get(d.caseId()).status()).isEqualTo(MediationStatus.REFERRED);
		assertThat(files.get(d.caseId()).resolution()).contains("不予受理").contains("转介诉讼").doesNotContain("调解成功");
		assertConcludedAs(d, MediationOutcome.DECLINED);
	}

	@Test
	void calledProcessesGetOnlyTheVariablesTheyReadAndHandBackOnlyWhatTheMediationReads() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		assertThat(runtime.getVariables(village(d).getId())).as("the village tier gets the case and its committee")
			.containsKeys(ProcessVariables.CASE_ID, CaseLifecycleProcess.Vars.CASE_NUMBER,
					CaseLifecycleProcess.Vars.HANDLING_UNIT_CODE)
			.doesNotContainKeys(CaseLifecycleProcess.Vars.TRACK, CaseLifecycleProcess.Vars.REDO_COUNT);
		ProcessInstance agreement = settledAtTheVillage(d);

		assertThat(runtime.getVariables(agreement.getId()).keySet()).containsExactlyInAnyOrder(
				ProcessVariables.CASE_ID, CaseLifecycleProcess.Vars.CASE_NUMBER, Vars.MEDIATOR_GROUP, Vars.VILLAGE_CODE);
		assertThat(runtime.getVariables(d.mediation().getId())).as("what the village tier handed back")
			.containsEntry(Vars.VILLAGE_OUTCOME, "SETTLED")
			.containsEntry(Vars.VILLAGE_CODE, DemoCounty.VILLAGE_DONGGUAN)
			.containsEntry(Vars.TOWNSHIP_CODE, DemoCounty.TOWNSHIP_CHENGGUAN)
			.doesNotContainKeys(Vars.VILLAGE_DUE_AT, Vars.EXTENSION_COUNT, Vars.BRAND_ROOM);
	}

	@Test
	void threeHeadsGiveTheirOpinionsAndSettleSoTheirTownshipDrawsUpTheAgreement() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));

		ProcessInstance consultation = threeHeads(d);
		assertThat(consultation).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION);
		assertThat(task(Ids.TASK_POLICE_OPINION, consultation)).hasCandidateGroup("police-chief:" + HEXI);
		assertThat(task(Ids.TASK_COURT_OPINION, consultation)).hasCandidateGroup("court-chief:" + HEXI);
		assertThat(task(Ids.TASK_JUDICIAL_OPINION, consultation)).hasCandidateGroup("judicial-chief:" + HEXI);
		giveOpinions(consultation);
		assertThat(consultation).isWaitingAt(Ids.TASK_JOINT_CONSULTATION);
		assertThat(task(consultation)).hasCandidateGroup("township-centre:" + HEXI);
		complete(task(consultation), withVariables(Vars.JOINT_OUTCOME, "SETTLED", "jointDecision", "按1998年地界图划分"));

		assertThat(consultation).isEnded().hasPassed(Ids.END_THREE_HEADS_DECIDED);
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_AGREEMENT).hasNotPassed(Ids.TASK_ENTER_COUNTY);
		assertThat(task(agreement(d))).hasCandidateGroup("township-centre:" + HEXI);
		Mediation record = mediations.get(d.caseId());
		assertThat(record.level()).isEqualTo(MediationLevel.THREE_HEADS);
		assertThat(record.opinions()).extracting(HeadOpinion::head, HeadOpinion::opinion)
			.containsExactly(tuple(Head.POLICE, "无治安违法"), tuple(Head.COURT, "宜调解，可司法确认"),
					tuple(Head.JUDICIAL, "建议按地界图划分"));
	}

	@Test
	void aHeadWhoseOpinionIsOverdueIsRemindedAndTheConsultationGoesOn() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));
		ProcessInstance consultation = threeHeads(d);
		fireTimer(d, Ids.TIMER_POLICE_OPINION_OVERDUE);

		assertThat(consultation).hasPassed("Task_RemindPolice")
			.isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION);
		assertThat(files.timelineOf(d.caseId())).filteredOn(t -> t.type().equals("MEDIATION_DUE_WARNING"))
			.extracting(TimelineEntry::summary)
			.singleElement()
			.asString()
			.startsWith("催办：派出所所长意见已逾期");
		assertThat(mediationClock(d).warnedAt()).as("the reminder is the township clock's warning").isNotNull();
	}

	@Test
	void threeHeadsCannotSettleSoTheCountyCentreMediatesOnItsOwnClock() {
		Dispute d = toThreeHeads();
		complete(task(Ids.TASK_JOINT_CONSULTATION, threeHeads(d)),
				withVariables(Vars.JOINT_OUTCOME, "NOT_SETTLED", "jointDecision", "无法达成一致"));

		assertThat(d.mediation()).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		assertThat(task(d.mediation())).hasCandidateGroup("county-centre");
		assertThat(mediations.get(d.caseId()).level()).isEqualTo(MediationLevel.COUNTY);
		SlaClock county = mediationClock(d);
		assertThat(county.level()).isEqualTo("COUNTY");
		assertThat(county.unitCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(county.limit()).isEqualTo(new SlaLimit("P2D", Counting.WORKING));
		assertThat(county.timers().processInstanceId()).isEqualTo(d.mediation().getId());
		assertThat(timerDue(d, Ids.TIMER_COUNTY_TIME_UP)).isEqualTo(seconds(county.dueAt()));
		assertThat(mediationClocks(d)).filteredOn(c -> c.level().equals("TOWNSHIP"))
			.singleElement()
			.satisfies(c -> assertThat(c.stateAt(Instant.now())).isEqualTo(ClockState.ESCALATED));

		complete(task(d.mediation()), withVariables(Vars.COUNTY_OUTCOME, "RECORD_SESSION", "sessionHeldAt", new Date(),
				"sessionParticipants", "双方、县综治中心", "sessionSummary", "释法说理"));
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		complete(task(d.mediation()), withVariables(Vars.COUNTY_OUTCOME, "NOT_SETTLED", "notSettledReason", "劳动报酬争议",
				Vars.REFERRAL_CHANNEL, "ARBITRATION", Vars.REFERRAL_REASON, "属劳动争议仲裁范围"));

		assertThat(d.mediation()).hasPassed(Ids.TASK_RECORD_REFERRAL).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId()).referralChannel()).isEqualTo(ReferralChannel.ARBITRATION);
		assertThat(mediations.get(d.caseId()).sessions()).hasSize(1);
		assertThat(clocks.get(county.id()).stateAt(Instant.now())).isEqualTo(ClockState.MET);
		complete(task(d.mediation()), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已申请仲裁"));
		assertThat(files.get(d.caseId()).resolution()).contains("调解未成").contains("转介仲裁");
		assertConcludedAs(d, MediationOutcome.NOT_SETTLED);
	}

	@Test
	void countyCentreSettlesAndSignsTheAgreement() {
		Dispute d = toCounty();
		complete(task(d.mediation()), withVariables(Vars.COUNTY_OUTCOME, "SETTLED", "settlementSummary", "分期支付"));
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_AGREEMENT);
		ProcessInstance agreement = agreement(d);
		assertThat(task(agreement)).hasCandidateGroup("county-centre");
		sign(agreement, "NO");
		assertThat(mediations.agreementOf(d.caseId()).orElseThrow().mediatorOrganisation()).isEqualTo("云岭县综治中心");
		complete(task(d.mediation()), withVariables(Vars.FOLLOW_UP_OUTCOME, "PERFORMED", "followUpNote", "已支付"));
		assertConcludedAs(d, MediationOutcome.SETTLED);
	}

	@Test
	void threeHeadsTimeBoxRunsOutSoTheCountyCentreTakesTheDispute() {
		Dispute d = toThreeHeads();
		ProcessInstance consultation = threeHeads(d);
		fireTimer(d, Ids.TIMER_THREE_HEADS_TIME_UP);
		assertThat(consultation).isEnded().hasPassed(Ids.TASK_RECORD_THREE_HEADS_TIME_UP, Ids.END_THREE_HEADS_TIMED_OUT);
		assertThat(d.mediation()).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		assertThat(task(d.mediation())).hasCandidateGroup("county-centre");
		assertThat(mediations.get(d.caseId()).level()).isEqualTo(MediationLevel.COUNTY);
		assertThat(mediations.get(d.caseId()).outcome()).as("a lower tier's time-up is not the mediation's end").isEmpty();
		assertThat(mediationClocks(d)).extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(tuple("VILLAGE", ClockState.ESCALATED), tuple("TOWNSHIP", ClockState.BREACHED),
					tuple("COUNTY", ClockState.RUNNING));
	}

	@Test
	void countyTimeBoxRunsOutSoTheDisputeIsReferredToTheCourtsAndRecordedAsTimedOut() {
		Dispute d = toCounty();
		fireTimer(d, Ids.TIMER_COUNTY_TIME_UP);
		assertThat(d.mediation()).hasPassed(Ids.TASK_RECORD_COUNTY_TIME_UP, Ids.TASK_RECORD_REFERRAL)
			.isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId()).referralChannel()).isEqualTo(ReferralChannel.LITIGATION);
		assertThat(mediationClocks(d)).allSatisfy(c -> assertThat(c.stoppedAt()).isNotNull());
		complete(task(d.mediation()), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已起诉"));
		assertThat(files.get(d.caseId()).resolution()).contains("调解期满未成").contains("转介诉讼");
		assertConcludedAs(d, MediationOutcome.TIMED_OUT);
	}

}
