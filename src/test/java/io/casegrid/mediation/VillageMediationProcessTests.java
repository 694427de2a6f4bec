package io.casegrid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Counting;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaLimit;

/**
 * Every path through {@code village-mediation.bpmn}, the first tier, and where each of its ends takes the mediation
 * that called it.
 */
class VillageMediationProcessTests extends MediationProcessTestSupport {

	@Test
	void committeeAcceptsRecordsASessionAndSettlesSoTheAgreementIsDrawnUp() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_VILLAGE);
		assertThat(village).hasPassed(Ids.TASK_PREPARE).isWaitingAt(Ids.TASK_ACCEPT);
		assertThat(task(village)).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		accept(village);
		assertThat(village).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_STEP_IN);
		assertThat(task(Ids.TASK_BRAND_ROOM_STEP_IN, village)).hasCandidateGroup("brand-room:BR-SUNJIHONG");

		complete(task(Ids.TASK_VILLAGE_MEDIATION, village), withVariables(Vars.VILLAGE_OUTCOME, "RECORD_SESSION",
				"sessionHeldAt", new Date(), "sessionParticipants", "王某、李某、调解员张某", "sessionSummary", "双方陈述意见"));
		assertThat(village).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_STEP_IN);
		complete(task(Ids.TASK_VILLAGE_MEDIATION, village),
				withVariables(Vars.VILLAGE_OUTCOME, "SETTLED", "settlementSummary", "王某拆除挡光雨棚"));

		assertThat(village).isEnded().hasPassed(Ids.END_VILLAGE_SETTLED, Ids.END_VILLAGE_DECIDED);
		assertThat(canceled(village, Ids.TASK_BRAND_ROOM_STEP_IN)).as("the brand room's offer ends with the level").isOne();
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_AGREEMENT);
		assertThat(task(agreement(d))).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		assertThat(mediations.get(d.caseId()).sessions()).hasSize(1);
		assertThat(types(d)).containsSubsequence("MEDIATION_RECEIVED", "MEDIATION_ACCEPTED", "MEDIATION_SESSION",
				"MEDIATION_SETTLED");
	}

	@Test
	void committeeDeclinesSoTheMediationRefersTheDisputeThroughTheChannelGiven() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		complete(task(village), withVariables(Vars.ACCEPT_OUTCOME, "DECLINE", Vars.REFERRAL_CHANNEL, "LITIGATION",
				Vars.REFERRAL_REASON, "涉及房屋产权确认，不属于人民调解范围"));

		assertThat(village).isEnded().hasPassed(Ids.END_DISPUTE_DECLINED).hasNotPassed(Ids.SUB_VILLAGE);
		assertThat(d.mediation()).hasPassed(Ids.TASK_RECORD_REFERRAL).isWaitingAt(Ids.TASK_FOLLOW_UP);
		assertThat(task(d.mediation())).hasCandidateGroup("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		Mediation record = mediations.get(d.caseId());
		assertThat(record.status()).isEqualTo(MediationStatus.REFERRED);
		assertThat(record.referralChannel()).isEqualTo(ReferralChannel.LITIGATION);
		assertThat(record.referralReason()).isEqualTo("涉及房屋产权确认，不属于人民调解范围");
	}

	@Test
	void committeeCannotSettleSoTheThreeHeadsOfItsTownshipTakeOver() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));

		assertThat(village).isEnded().hasPassed(Ids.END_VILLAGE_NOT_SETTLED, Ids.END_VILLAGE_DECIDED);
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_THREE_HEADS);
		assertThat(task(Ids.TASK_POLICE_OPINION, threeHeads(d))).hasCandidateGroup("police-chief:" + HEXI);
		assertThat(types(d)).containsSubsequence("MEDIATION_NOT_SETTLED", "MEDIATION_LEVEL_ENTERED");
	}

	@Test
	void whereNoBrandRoomServesOnlyTheCommitteeMediates() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		assertThat(village).hasPassed(Ids.END_NO_BRAND_ROOM)
			.isWaitingAt(Ids.TASK_VILLAGE_MEDIATION)
			.isNotWaitingAt(Ids.TASK_BRAND_ROOM_STEP_IN);
	}

	@Test
	void villageTierRunsOnItsOwnWorkingDayClockWhoseTimersAreTheVillageProcesses() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		SlaClock clock = mediationClock(d);
		assertThat(clock.level()).isEqualTo("VILLAGE");
		assertThat(clock.unitCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(clock.limit()).isEqualTo(new SlaLimit("P3D", Counting.WORKING));
		assertThat(calculator.workingTimeBetween(clock.startedAt(), clock.dueAt()))
			.as("three working days (7 office hours each) on the working calendar")
			.isEqualTo(Duration.ofHours(21));
		assertThat(clock.timers().processInstanceId()).as("bound to the instance that holds its timers")
			.isEqualTo(village.getId());

		accept(village);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(seconds(clock.dueAt()));
		assertThat(timer(d, Ids.TIMER_VILLAGE_TIME_UP).getProcessInstanceId()).isEqualTo(village.getId());
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_WARNING)).isEqualTo(seconds(clock.warnAt()));
	}

	@Test
	void villageWarningRemindsTheCommitteeAndMediationGoesOn() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		fireTimer(d, Ids.TIMER_VILLAGE_WARNING);

		assertThat(village).hasPassed(Ids.TASK_WARN_VILLAGE, "EndEvent_Warned")
			.isWaitingAt(Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_STEP_IN);
		assertThat(mediationClock(d).warnedAt()).as("the warning is the clock's").isNotNull();
		assertThat(files.timelineOf(d.caseId())).filteredOn(t -> t.type().equals("MEDIATION_DUE_WARNING"))
			.extracting(TimelineEntry::summary)
			.singleElement()
			.asString()
			.startsWith("提醒：调解时限即将届满");
	}

	@Test
	void villageTimeBoxRunsOutSoTheThreeHeadsTakeOverEvenWhereABrandRoomServes() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		SlaClock clock = mediationClock(d);
		fireTimer(d, Ids.TIMER_VILLAGE_TIME_UP);

		assertThat(village).isEnded()
			.hasPassed(Ids.TASK_RECORD_VILLAGE_TIME_UP, Ids.END_VILLAGE_TIMED_OUT)
			.hasNotPassed(Ids.TASK_ENTER_BRAND_ROOM);
		assertThat(canceled(village, Ids.TASK_VILLAGE_MEDIATION)).as("the committee's task ends with its time box").isOne();
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_THREE_HEADS);
		assertThat(mediations.get(d.caseId()).level()).isEqualTo(MediationLevel.THREE_HEADS);
		assertThat(clocks.get(clock.id()).stateAt(Instant.now())).isEqualTo(ClockState.BREACHED);
		assertThat(types(d)).containsSubsequence("MEDIATION_LEVEL_EXPIRED", "MEDIATION_LEVEL_ENTERED");
	}

	@Test
	void extensionIsGrantedOnceMovingTheVillageTimersAndTheSecondRequestIsRefused() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		SlaClock clockBefore = mediationClock(d);

		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "当事人外出"));
		assertThat(village).isWaitingAt(Ids.TASK_APPROVE_EXTENSION);
		assertThat(task(village)).hasCandidateGroup("judicial-chief:" + HEXI);
		complete(task(village), withVariables(Vars.EXTENSION_DECISION, "GRANT"));

		assertThat(village).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION);
		SlaClock extended = mediationClock(d);
		assertThat(calculator.workingTimeBetween(clockBefore.dueAt(), extended.dueAt()))
			.as("two more working days, as mediation-policy.dmn says")
			.isEqualTo(Duration.ofHours(14));
		Instant dueAfter = timerDue(d, Ids.TIMER_VILLAGE_TIME_UP);
		assertThat(dueAfter).isEqualTo(seconds(extended.dueAt()));
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_WARNING)).isEqualTo(seconds(extended.warnAt()));
		assertThat(((Date) runtime.getVariable(village.getId(), Vars.VILLAGE_DUE_AT)).toInstant())
			.as("the due time the village's timer reads").isEqualTo(extended.dueAt());

		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "还需时间"));
		assertThat(village).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION).isNotWaitingAt(Ids.TASK_APPROVE_EXTENSION);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(dueAfter);
		assertThat(mediations.get(d.caseId()).extensionCount()).isEqualTo(2);
		assertThat(types(d)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_GRANTED", "EXTENSION_REQUESTED",
				"EXTENSION_REFUSED");
	}

	@Test
	void extensionCanBeRefusedAndTheTimeBoxStays() {
		Dispute d = reportDispute(WITHOUT_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		Instant dueBefore = timerDue(d, Ids.TIMER_VILLAGE_TIME_UP);
		complete(task(village), withVariables(Vars.VILLAGE_OUTCOME, "REQUEST_EXTENSION", "extensionReason", "x"));
		complete(task(village), withVariables(Vars.EXTENSION_DECISION, "REFUSE", "refuseReason", "理由不充分"));

		assertThat(village).isWaitingAt(Ids.TASK_VILLAGE_MEDIATION);
		assertThat(timerDue(d, Ids.TIMER_VILLAGE_TIME_UP)).isEqualTo(dueBefore);
		assertThat(types(d)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_REFUSED");
	}

	@Test
	void brandRoomThatStepsInMediatesOnTheVillageClockAndSettlesSoItDrawsUpTheAgreement() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		SlaClock clock = mediationClock(d);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, village),
				withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER", "takeOverReason", "当事人申请"));

		assertThat(village).hasPassed(Ids.TASK_ENTER_BRAND_ROOM).isWaitingAt(Ids.TASK_BRAND_ROOM_MEDIATION);
		assertThat(canceled(village, Ids.TASK_VILLAGE_MEDIATION)).isOne();
		assertThat(mediationClocks(d)).as("the brand room is no tier of its own: no new clock")
			.singleElement()
			.satisfies(c -> assertThat(c.id()).isEqualTo(clock.id()));
		assertThat(timerDue(d, Ids.TIMER_BRAND_ROOM_TIME_UP)).isEqualTo(seconds(clock.dueAt()));
		assertThat(clocks.get(clock.id()).timers().dueTimer()).isEqualTo(Ids.TIMER_BRAND_ROOM_TIME_UP);
		assertThat(clocks.get(clock.id()).timers().processInstanceId()).isEqualTo(village.getId());
		complete(task(village), withVariables(Vars.BRAND_ROOM_OUTCOME, "SETTLED", "settlementSummary", "赔偿500元"));

		assertThat(village).isEnded().hasPassed(Ids.END_BRAND_ROOM_DECIDED);
		assertThat(clocks.get(clock.id()).stateAt(Instant.now())).isEqualTo(ClockState.MET);
		assertThat(d.mediation()).isWaitingAt(Ids.CALL_AGREEMENT);
		assertThat(task(agreement(d))).hasCandidateGroup("brand-room:BR-SUNJIHONG");
		assertThat(types(d)).containsSubsequence("BRAND_ROOM_STEPPED_IN", "MEDIATION_LEVEL_ENTERED", "MEDIATION_SETTLED");
	}

	@Test
	void brandRoomThatCannotSettleHandsTheDisputeToTheThreeHeads() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, village), withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER"));
		complete(task(Ids.TASK_BRAND_ROOM_MEDIATION, village),
				withVariables(Vars.BRAND_ROOM_OUTCOME, "NOT_SETTLED", "notSettledReason", "分歧较大"));

		assertThat(village).isEnded().hasPassed(Ids.END_BRAND_ROOM_DECIDED);
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		assertThat(mediationClocks(d)).extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(tuple("VILLAGE", ClockState.ESCALATED), tuple("TOWNSHIP", ClockState.RUNNING));
	}

	@Test
	void brandRoomTimeBoxIsTheVillageTimeBoxAndWhenItRunsOutTheThreeHeadsTakeOver() {
		Dispute d = reportDispute(WITH_BRAND_ROOM);
		ProcessInstance village = village(d);
		accept(village);
		complete(task(Ids.TASK_BRAND_ROOM_STEP_IN, village), withVariables(Vars.STEP_IN_OUTCOME, "TAKE_OVER"));
		fireTimer(d, Ids.TIMER_BRAND_ROOM_TIME_UP);

		assertThat(village).isEnded().hasPassed(Ids.END_BRAND_ROOM_TIMED_OUT);
		assertThat(threeHeads(d)).isWaitingAt(Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION,
				Ids.TASK_JUDICIAL_OPINION);
		assertThat(mediationClocks(d)).extracting(SlaClock::level, c -> c.stateAt(Instant.now()))
			.containsExactly(tuple("VILLAGE", ClockState.BREACHED), tuple("TOWNSHIP", ClockState.RUNNING));
	}

}
