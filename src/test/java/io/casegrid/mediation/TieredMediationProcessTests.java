package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseLocation;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Counting;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.SlaLimit;
import io.casegrid.sla.calendar.DueDateCalculator;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through {@code tiered-mediation.bpmn}, reached the way a real dispute reaches it: reported with a dispute
 * category, filed, dispatched to the village committee by place. The job executor is off; the tests run async steps
 * and fire timers by moving the engine clock.
 */
class TieredMediationProcessTests extends EngineTestSupport {

	/** 东关社区: 城关街道 has the brand room 孙继红调解工作室. */
	static final String WITH_BRAND_ROOM = DemoCounty.GRID_DONGGUAN_1;

	/** 柳树村: no brand room serves it or 河西镇. */
	static final String WITHOUT_BRAND_ROOM = "149901102202001";

	@Autowired
	Mediations mediations;

	@Autowired
	SlaClocks clocks;

	@Autowired
	DueDateCalculator calculator;

	@Test
	void settledAtTheVillageWithAnAgreementIsRecordedAsSettled() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		assertThat(d.mediation).isWaitingAt(Ids.TASK_ACCEPT);
		assertThat(task(d.mediation)).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		accept(d);
		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_STEP_IN);
		assertThat(task(Ids.TASK_BRAND_ROOM_STEP_IN, d.mediation)).hasCandidateGroup("brand-room:BR-SUNJIHONG");

		complete(task(Ids.TASK_VILLAGE_MEDIATION, d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "RECORD_SESSION",
				"sessionHeldAt", new Date(), "sessionParticipants", "王某、李某、调解员张某", "sessionSummary", "双方陈述意见"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_STEP_IN);
		complete(task(Ids.TASK_VILLAGE_MEDIATION, d.mediation),
				withVariables(Vars.VILLAGE_OUTCOME, "SETTLED", "settlementSummary", "王某拆除挡光雨棚"));

		assertThat(d.mediation).isWaitingAt(Ids.TASK_DRAFT_AGREEMENT);
		assertThat(canceled(d, Ids.TASK_BRAND_ROOM_STEP_IN)).as("the brand room's offer ends with the level").isOne();
		assertThat(task(d.mediation)).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		sign(d, "NO");
		assertThat(d.mediation).isWaitingAt(Ids.TASK_FOLLOW_UP);
		complete(task(d.mediation), withVariables(Vars.FOLLOW_UP_OUTCOME, "PERFORMED", "followUpNote", "已按期拆除"));

		assertThat(d.mediation).isEnded();
		assertThat(d.lifecycle).isWaitingAt(CaseLifecycleProcess.Ids.TASK_SEND_RESULT);
		Mediation record = mediations.get(d.caseId);
		assertThat(record.status()).isEqualTo(MediationStatus.CONCLUDED);
		assertThat(record.level()).isEqualTo(MediationLevel.VILLAGE);
		assertThat(record.sessions()).hasSize(1);
		assertThat(mediations.agreementOf(d.caseId)).get()
			.satisfies(a -> assertThat(a.mediatorOrganisation()).isEqualTo("东关社区人民调解委员会"));
		assertThat(files.get(d.caseId).resolution()).contains("调解成功").contains("王某拆除挡光雨棚");
		assertThat(types(d)).containsSubsequence("DISPATCHED", "MEDIATION_RECEIVED", "MEDIATION_ACCEPTED",
				"MEDIATION_SESSION", "MEDIATION_SETTLED", "AGREEMENT_SIGNED", "MEDIATION_FOLLOW_UP",
				"MEDIATION_CONCLUDED");
		assertConcludedAs(d, MediationOutcome.SETTLED);
	}

	@Test
	void declinedDisputeIsReferredAndRecordedAsDeclined() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		complete(task(d.mediation), withVariables(Vars.ACCEPT_OUTCOME, "DECLINE", Vars.REFERRAL_CHANNEL, "LITIGATION",
				Vars.REFERRAL_REASON, "涉及房屋产权确认，不属于人民调解范围"));

		assertThat(d.mediation).hasPassed(Ids.TASK_RECORD_REFERRAL).isWaitingAt(Ids.TASK_FOLLOW_UP);
		complete(task(d.mediation), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已起诉"));
		assertThat(d.mediation).isEnded();
		Mediation record = mediations.get(d.caseId);
		assertThat(record.status()).isEqualTo(MediationStatus.REFERRED);
		assertThat(record.referralChannel()).isEqualTo(ReferralChannel.LITIGATION);
		assertThat(files.get(d.caseId).resolution()).contains("不予受理").contains("转介诉讼").doesNotContain("调解成功");
		assertConcludedAs(d, MediationOutcome.DECLINED);
	}

	@Test
	void villageTierRunsOnItsOwnWorkingDayClockFromTheMediationPolicy() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		SlaClock village = mediationClock(d);
		assertThat(village.level()).isEqualTo("VILLAGE");
		assertThat(village.unitCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(village.limit()).isEqualTo(new SlaLimit("P3D", Counting.WORKING));
		assertThat(calculator.workingTimeBetween(village.startedAt(), village.dueAt()))
			.as("three working days (7 office hours each) on the working calendar")
			.isEqualTo(Duration.ofHours(21));

		accept(d);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(seconds(village.dueAt()));
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_WARNING)).isEqualTo(seconds(village.warnAt()));
		fireTimer(d, Ids.TIMER_VILLAGE_WARNING);
		assertThat(clocks.get(village.id()).warnedAt()).as("the warning is the clock's").isNotNull();
		assertThat(types(d)).contains("MEDIATION_DUE_WARNING");
	}

	@Test
	void villageTimeBoxRunsOutSoTheThreeHeadsTakeOverEvenWhereABrandRoomServes() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		accept(d);
		SlaClock village = mediationClock(d);
		fireTimer(d, Ids.TIMER_VILLAGE_TIME_UP);

		assertThat(d.mediation).isWaitingAt(Ids.CALL_THREE_HEADS).isNotWaitingAt(Ids.TASK_BRAND_ROOM_MEDIATION);
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		assertThat(canceled(d, Ids.TASK_VILLAGE_MEDIATION)).as("the committee's task ends with its time box").isOne();
		assertThat(mediations.get(d.caseId).level()).isEqualTo(MediationLevel.THREE_HEADS);
		assertThat(clocks.get(village.id()).stateAt(Instant.now())).isEqualTo(ClockState.BREACHED);
		SlaClock township = mediationClock(d);
		assertThat(township.level()).isEqualTo("TOWNSHIP");
		assertThat(township.unitCode()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(township.limit()).isEqualTo(new SlaLimit("P2D", Counting.WORKING));
		assertThat(timerDue(d, Ids.TIMER_THREE_HEADS_TIME_UP)).isEqualTo(seconds(township.dueAt()));
		assertThat(timerDue(d, Ids.TIMER_POLICE_OPINION_OVERDUE)).as("opinions are due at the tier's warning point")
			.isEqualTo(seconds(township.warnAt()));
		assertThat(types(d)).containsSubsequence("MEDIATION_LEVEL_EXPIRED", "MEDIATION_LEVEL_ENTERED");
	}

	@Test
	void brandRoomThatStepsInSettlesWithinTheVillageTimeBoxAndJudicialConfirmationIsTracked() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		accept(d);
		SlaClock village = mediationClock(d);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, d.mediation),
				withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER", "takeOverReason", "当事人申请"));

		assertThat(d.mediation).isWaitingAt(Ids.TASK_BRAND_ROOM_MEDIATION);
		assertThat(clocks.ofCase(d.caseId)).as("the brand room is no tier of its own: no new clock")
			.filteredOn(c -> c.phase() == Phase.MEDIATION)
			.singleElement()
			.satisfies(c -> assertThat(c.id()).isEqualTo(village.id()));
		assertThat(timerDue(d, Ids.TIMER_BRAND_ROOM_TIME_UP)).isEqualTo(seconds(village.dueAt()));
		assertThat(clocks.get(village.id()).timers().dueTimer()).isEqualTo(Ids.TIMER_BRAND_ROOM_TIME_UP);
		complete(task(d.mediation), withVariables(Vars.BRAND_ROOM_OUTCOME, "SETTLED", "settlementSummary", "赔偿500元"));

		assertThat(clocks.get(village.id()).stateAt(Instant.now())).isEqualTo(ClockState.MET);
		assertThat(task(d.mediation)).hasCandidateGroup("brand-room:BR-SUNJIHONG");
		sign(d, "YES");
		assertThat(d.mediation).isWaitingAt(Ids.TASK_JUDICIAL_CONFIRMATION);
		Instant confirmationDue = ((Date) runtime.getVariable(d.mediation.getId(), Vars.JUDICIAL_CONFIRMATION_DUE_AT))
			.toInstant();
		assertThat(confirmationDue).isCloseTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)),
				within(Duration.ofMinutes(1)));
		assertThat(timerDue(d, Ids.TIMER_CONFIRMATION_LAPSED)).isEqualTo(confirmationDue.truncatedTo(ChronoUnit.SECONDS));
		complete(task(d.mediation), withVariables(Vars.CONFIRMATION_OUTCOME, "APPLIED", "court", "云岭县人民法院"));

		assertThat(d.mediation).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId).judicialConfirmationStatus()).isEqualTo("APPLIED");
		assertThat(mediations.agreementOf(d.caseId).orElseThrow().mediatorOrganisation()).isEqualTo("孙继红调解工作室");
		assertThat(types(d)).containsSubsequence("BRAND_ROOM_STEPPED_IN", "MEDIATION_LEVEL_ENTERED", "MEDIATION_SETTLED",
				"AGREEMENT_SIGNED", "JUDICIAL_CONFIRMATION");
	}

	@Test
	void brandRoomThatCannotSettleHandsTheDisputeToTheThreeHeads() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		accept(d);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, d.mediation), withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER"));
		complete(task(Ids.TASK_BRAND_ROOM_MEDIATION, d.mediation),
				withVariables(Vars.BRAND_ROOM_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));

		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		assertThat(clocks.ofCase(d.caseId)).filteredOn(c -> c.phase() == Phase.MEDIATION)
			.extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("VILLAGE", ClockState.ESCALATED),
					org.assertj.core.groups.Tuple.tuple("TOWNSHIP", ClockState.RUNNING));
	}

	@Test
	void brandRoomTimeBoxIsTheVillageTimeBoxAndWhenItRunsOutTheThreeHeadsTakeOver() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		accept(d);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, d.mediation), withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER"));
		fireTimer(d, Ids.TIMER_BRAND_ROOM_TIME_UP);

		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		assertThat(clocks.ofCase(d.caseId)).filteredOn(c -> c.phase() == Phase.MEDIATION)
			.extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("VILLAGE", ClockState.BREACHED),
					org.assertj.core.groups.Tuple.tuple("TOWNSHIP", ClockState.RUNNING));
	}

	@Test
	void villageFailsThenThreeHeadsConsultAndSettleAndConfirmationLapses() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		accept(d);
		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION).isNotWaitingAt(Ids.TASK_BRAND_ROOM_STEP_IN);
		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));

		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		String township = "149901102";
		assertThat(task(Ids.TASK_POLICE_OPINION, threeHeads(d))).hasCandidateGroup("police-chief:" + township);
		assertThat(task(Ids.TASK_COURT_OPINION, threeHeads(d))).hasCandidateGroup("court-chief:" + township);
		assertThat(task(Ids.TASK_JUDICIAL_OPINION, threeHeads(d))).hasCandidateGroup("judicial-chief:" + township);
		complete(task(Ids.TASK_POLICE_OPINION, threeHeads(d)),
				withVariables(Vars.POLICE_OUTCOME, "SUBMIT", "policeOpinion", "无治安违法"));
		complete(task(Ids.TASK_COURT_OPINION, threeHeads(d)),
				withVariables(Vars.COURT_OUTCOME, "SUBMIT", "courtOpinion", "宜调解，可司法确认"));
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_JUDICIAL_OPINION).isNotWaitingAt(Ids.TASK_JOINT_CONSULTATION);
		complete(task(Ids.TASK_JUDICIAL_OPINION, threeHeads(d)),
				withVariables(Vars.JUDICIAL_OUTCOME, "SUBMIT", "judicialOpinion", "建议按地界图划分"));

		ProcessInstance consultation = threeHeads(d);
		assertThat(consultation).isWaitingAt(Ids.TASK_JOINT_CONSULTATION);
		assertThat(task(consultation)).hasCandidateGroup("township-centre:" + township);
		complete(task(consultation), withVariables(Vars.JOINT_OUTCOME, "SETTLED", "jointDecision", "按1998年地界图划分"));
		assertThat(consultation).isEnded().hasPassed(Ids.END_THREE_HEADS_DECIDED);
		assertThat(task(d.mediation)).hasCandidateGroup("township-centre:" + township);
		sign(d, "YES");

		fireTimer(d, Ids.TIMER_CONFIRMATION_LAPSED);
		assertThat(d.mediation).isWaitingAt(Ids.TASK_FOLLOW_UP);
		Mediation record = mediations.get(d.caseId);
		assertThat(record.level()).isEqualTo(MediationLevel.THREE_HEADS);
		assertThat(record.opinions()).extracting(HeadOpinion::head)
			.containsExactly(Head.POLICE, Head.COURT, Head.JUDICIAL);
		assertThat(record.judicialConfirmationStatus()).isEqualTo("LAPSED");
	}

	@Test
	void aHeadWhoseOpinionIsOverdueIsRemindedAndTheConsultationGoesOn() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		accept(d);
		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));
		ProcessInstance consultation = threeHeads(d);
		fireTimer(d, Ids.TIMER_POLICE_OPINION_OVERDUE);

		assertThat(consultation).hasPassed("Task_RemindPolice")
			.isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION);
		assertThat(types(d)).contains("MEDIATION_DUE_WARNING");
		assertThat(mediationClock(d).warnedAt()).as("the reminder is the township clock's warning").isNotNull();
	}

	@Test
	void threeHeadsCannotSettleSoTheCountyCentreMediatesOnItsOwnClock() {
		Dispute d = toThreeHeads();
		complete(task(Ids.TASK_JOINT_CONSULTATION, threeHeads(d)),
				withVariables(Vars.JOINT_OUTCOME, "NOT_SETTLED", "jointDecision", "无法达成一致"));

		assertThat(d.mediation).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		assertThat(task(d.mediation)).hasCandidateGroup("county-centre");
		assertThat(mediations.get(d.caseId).level()).isEqualTo(MediationLevel.COUNTY);
		SlaClock county = mediationClock(d);
		assertThat(county.level()).isEqualTo("COUNTY");
		assertThat(county.unitCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(county.limit()).isEqualTo(new SlaLimit("P2D", Counting.WORKING));
		assertThat(timerDue(d, Ids.TIMER_COUNTY_TIME_UP)).isEqualTo(seconds(county.dueAt()));
		assertThat(clocks.ofCase(d.caseId)).filteredOn(c -> c.phase() == Phase.MEDIATION && c.level().equals("TOWNSHIP"))
			.singleElement()
			.satisfies(c -> assertThat(c.stateAt(Instant.now())).isEqualTo(ClockState.ESCALATED));

		complete(task(d.mediation), withVariables(Vars.COUNTY_OUTCOME, "RECORD_SESSION", "sessionHeldAt", new Date(),
				"sessionParticipants", "双方、县综治中心", "sessionSummary", "释法说理"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		complete(task(d.mediation), withVariables(Vars.COUNTY_OUTCOME, "NOT_SETTLED", "notSettledReason", "劳动报酬争议",
				Vars.REFERRAL_CHANNEL, "ARBITRATION", Vars.REFERRAL_REASON, "属劳动争议仲裁范围"));

		assertThat(d.mediation).hasPassed(Ids.TASK_RECORD_REFERRAL).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId).referralChannel()).isEqualTo(ReferralChannel.ARBITRATION);
		assertThat(clocks.get(county.id()).stateAt(Instant.now())).isEqualTo(ClockState.MET);
		complete(task(d.mediation), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已申请仲裁"));
		assertThat(files.get(d.caseId).resolution()).contains("调解未成").contains("转介仲裁");
		assertConcludedAs(d, MediationOutcome.NOT_SETTLED);
	}

	@Test
	void countyCentreSettlesAndSignsTheAgreement() {
		Dispute d = toCounty();
		complete(task(d.mediation), withVariables(Vars.COUNTY_OUTCOME, "SETTLED", "settlementSummary", "分期支付"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_DRAFT_AGREEMENT);
		assertThat(task(d.mediation)).hasCandidateGroup("county-centre");
		sign(d, "NO");
		assertThat(mediations.agreementOf(d.caseId).orElseThrow().mediatorOrganisation()).isEqualTo("云岭县综治中心");
		complete(task(d.mediation), withVariables(Vars.FOLLOW_UP_OUTCOME, "PERFORMED", "followUpNote", "已支付"));
		assertConcludedAs(d, MediationOutcome.SETTLED);
	}

	@Test
	void threeHeadsTimeBoxRunsOutSoTheCountyCentreTakesTheDispute() {
		Dispute d = toThreeHeads();
		ProcessInstance consultation = threeHeads(d);
		fireTimer(d, Ids.TIMER_THREE_HEADS_TIME_UP);
		assertThat(consultation).isEnded().hasPassed(Ids.TASK_RECORD_THREE_HEADS_TIME_UP, Ids.END_THREE_HEADS_TIMED_OUT);
		assertThat(d.mediation).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		assertThat(task(d.mediation)).hasCandidateGroup("county-centre");
		assertThat(mediations.get(d.caseId).level()).isEqualTo(MediationLevel.COUNTY);
		assertThat(mediations.get(d.caseId).outcome()).as("a lower tier's time-up is not the mediation's end").isEmpty();
		assertThat(clocks.ofCase(d.caseId)).filteredOn(c -> c.phase() == Phase.MEDIATION)
			.extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("VILLAGE", ClockState.ESCALATED),
					org.assertj.core.groups.Tuple.tuple("TOWNSHIP", ClockState.BREACHED),
					org.assertj.core.groups.Tuple.tuple("COUNTY", ClockState.RUNNING));
	}

	@Test
	void countyTimeBoxRunsOutSoTheDisputeIsReferredToTheCourtsAndRecordedAsTimedOut() {
		Dispute d = toCounty();
		fireTimer(d, Ids.TIMER_COUNTY_TIME_UP);
		assertThat(d.mediation).hasPassed(Ids.TASK_RECORD_REFERRAL).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(mediations.get(d.caseId).referralChannel()).isEqualTo(ReferralChannel.LITIGATION);
		assertThat(mediationClocks(d)).allSatisfy(c -> assertThat(c.stoppedAt()).isNotNull());
		complete(task(d.mediation), withVariables(Vars.FOLLOW_UP_OUTCOME, "REFERRAL_FOLLOWED", "followUpNote", "已起诉"));
		assertThat(files.get(d.caseId).resolution()).contains("调解期满未成").contains("转介诉讼");
		assertConcludedAs(d, MediationOutcome.TIMED_OUT);
	}

	@Test
	void extensionIsGrantedOnceAndTheSecondRequestIsRefused() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		accept(d);
		SlaClock clockBefore = mediationClock(d);

		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "当事人外出"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_APPROVE_EXTENSION);
		assertThat(task(d.mediation)).hasCandidateGroup("judicial-chief:149901102");
		complete(task(d.mediation), withVariables(Vars.EXTENSION_DECISION, "GRANT"));

		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION);
		SlaClock extended = mediationClock(d);
		assertThat(calculator.workingTimeBetween(clockBefore.dueAt(), extended.dueAt()))
			.as("two more working days, as mediation-policy.dmn says")
			.isEqualTo(Duration.ofHours(14));
		Instant dueAfter = timerDue(d, Ids.TIMER_VILLAGE_TIME_UP);
		assertThat(dueAfter).isEqualTo(seconds(extended.dueAt()));
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_WARNING)).isEqualTo(seconds(extended.warnAt()));

		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "还需时间"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION).isNotWaitingAt(Ids.TASK_APPROVE_EXTENSION);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(dueAfter);
		assertThat(mediations.get(d.caseId).extensionCount()).isEqualTo(2);
		assertThat(types(d)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_GRANTED", "EXTENSION_REQUESTED",
				"EXTENSION_REFUSED");
	}

	@Test
	void extensionCanBeRefused() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		accept(d);
		Instant dueBefore = timerDue(d, Ids.TIMER_VILLAGE_TIME_UP);
		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "x"));
		complete(task(d.mediation), withVariables(Vars.EXTENSION_DECISION, "REFUSE", "refuseReason", "理由不充分"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(dueBefore);
	}

	/**
	 * The mediation ended with {@code outcome} everywhere it is recorded (the record, the case's timeline, the process
	 * variable), and the case went on to send its result.
	 */
	private void assertConcludedAs(Dispute d, MediationOutcome outcome) {
		assertThat(d.mediation).isEnded();
		assertThat(d.lifecycle).isWaitingAt(CaseLifecycleProcess.Ids.TASK_SEND_RESULT);
		assertThat(mediations.get(d.caseId).outcome()).contains(outcome);
		assertThat(files.timelineOf(d.caseId))
			.filteredOn(t -> t.type().equals("MEDIATION_CONCLUDED"))
			.singleElement()
			.satisfies(t -> assertThat(t.details()).containsEntry("outcome", outcome.name()));
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(d.mediation.getId())
			.variableName(MediationOutcome.VARIABLE)
			.singleResult()
			.getValue()).isEqualTo(outcome.name());
	}

	private record Dispute(UUID caseId, ProcessInstance lifecycle, ProcessInstance mediation) {
	}

	private Dispute reportDispute(String unitCode) {
		UUID id = UUID.randomUUID();
		var chain = unitCode.equals(WITH_BRAND_ROOM) ? DONGGUAN_BUILDING_3
				: new CaseLocation("柳树村二组", null, null, unitCode, unitCode, "149901102202", "149901102",
						DemoCounty.COUNTY);
		ProcessInstance lifecycle = report(id, Channel.VISIT, "NEIGHBOUR_DISPUTE", "邻里纠纷", "雨棚挡光引发纠纷", chain,
				Instant.now());
		execute(job(lifecycle));
		assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.Ids.CALL_HANDLE);
		assertThat(files.get(id).track()).isEqualTo("DISPUTE");
		ProcessInstance mediation = instanceOf(TieredMediationProcess.PROCESS_KEY, id);
		return new Dispute(id, lifecycle, mediation);
	}

	private void accept(Dispute d) {
		complete(task(Ids.TASK_ACCEPT, d.mediation), withVariables(Vars.ACCEPT_OUTCOME, "ACCEPT", "parties",
				"王某，东关社区5号楼\n李某，东关社区5号楼", "disputeSummary", "王某搭建雨棚挡住李某家采光"));
	}

	private Dispute toThreeHeads() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		accept(d);
		complete(task(d.mediation), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));
		for (var key : List.of(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION)) {
			String outcomeVar = switch (key) {
				case Ids.TASK_POLICE_OPINION -> Vars.POLICE_OUTCOME;
				case Ids.TASK_COURT_OPINION -> Vars.COURT_OUTCOME;
				default -> Vars.JUDICIAL_OUTCOME;
			};
			String field = switch (key) {
				case Ids.TASK_POLICE_OPINION -> "policeOpinion";
				case Ids.TASK_COURT_OPINION -> "courtOpinion";
				default -> "judicialOpinion";
			};
			complete(task(key, threeHeads(d)), withVariables(outcomeVar, "SUBMIT", field, "意见"));
		}
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_JOINT_CONSULTATION);
		return d;
	}

	private Dispute toCounty() {
		Dispute d = toThreeHeads();
		complete(task(Ids.TASK_JOINT_CONSULTATION, threeHeads(d)),
				withVariables(Vars.JOINT_OUTCOME, "NOT_SETTLED", "jointDecision", "无法达成一致"));
		assertThat(d.mediation).isWaitingAt(Ids.TASK_COUNTY_MEDIATION);
		return d;
	}

	/** The case's open mediation clock (the running tier's time box). */
	private SlaClock mediationClock(Dispute d) {
		return clocks.open(d.caseId, Phase.MEDIATION).orElseThrow();
	}

	private List<SlaClock> mediationClocks(Dispute d) {
		return clocks.ofCase(d.caseId).stream().filter(c -> c.phase() == Phase.MEDIATION).toList();
	}

	private static Instant seconds(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS);
	}

	private void sign(Dispute d, String applyJudicialConfirmation) {
		complete(task(Ids.TASK_DRAFT_AGREEMENT, d.mediation), Map.<String, Object>of(Vars.AGREEMENT_OUTCOME, "SIGNED",
				"parties", "王某；李某", "facts", "雨棚挡光，王某负主要责任", "obligations", "王某于十日内拆除雨棚",
				"performance", "王某自行拆除，社区监督", "performBy", Date.from(Instant.now().plus(Duration.ofDays(10))),
				"signaturesConfirmed", "CONFIRMED", Vars.APPLY_JUDICIAL_CONFIRMATION, applyJudicialConfirmation));
	}

	/** Moves the engine clock to the timer's due time and fires it. */
	private void fireTimer(Dispute d, String timerId) {
		Job timer = timer(d, timerId);
		assertThat(timer).as("timer " + timerId).isNotNull();
		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
		assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
		execute(timer);
	}

	private Instant timerDue(Dispute d, String timerId) {
		return timer(d, timerId).getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** The timer of the mediation or of the three heads' consultation it called, or null. */
	private Job timer(Dispute d, String timerId) {
		List<String> instances = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(d.caseId.toString())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		return management.createJobQuery()
			.activityId(timerId)
			.timers()
			.list()
			.stream()
			.filter(job -> instances.contains(job.getProcessInstanceId()))
			.reduce((a, b) -> {
				throw new AssertionError("more than one timer " + timerId);
			})
			.orElse(null);
	}

	/** The running three heads' consultation that the mediation called (the second tier). */
	private ProcessInstance threeHeads(Dispute d) {
		ProcessInstance consultation = runtime.createProcessInstanceQuery()
			.superProcessInstanceId(d.mediation.getId())
			.processDefinitionKey(TieredMediationProcess.THREE_HEADS_PROCESS_KEY)
			.singleResult();
		assertThat(consultation).as("the three heads' consultation").isNotNull();
		return consultation;
	}

	private long canceled(Dispute d, String activityId) {
		return engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(d.mediation.getId())
			.activityId(activityId)
			.canceled()
			.count();
	}

	private List<String> types(Dispute d) {
		return files.timelineOf(d.caseId).stream().map(TimelineEntry::type).toList();
	}

	private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
		return new org.assertj.core.data.TemporalUnitWithinOffset(d.toSeconds(), ChronoUnit.SECONDS);
	}

}
