package io.casegrid.mediation;

import static io.casegrid.worklist.OutcomeField.choice;
import static io.casegrid.worklist.OutcomeField.dateTime;
import static io.casegrid.worklist.OutcomeField.text;

import java.util.Arrays;
import java.util.List;

import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskContract;
import io.casegrid.worklist.TaskOutcome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every user task of {@code tiered-mediation.bpmn} asks: the outcomes and fields that the REST API offers and
 * the Camunda Forms in {@code processes/forms} show.
 */
@Configuration(proxyBeanMethods = false)
class MediationTaskContracts {

	static final List<String> REFERRAL_CHANNELS = Arrays.stream(ReferralChannel.values()).map(Enum::name).toList();

	/** Where the county, the last tier, refers what it could not settle: not to itself. */
	static final List<String> COURT_AND_AGENCY_CHANNELS = Arrays.stream(ReferralChannel.values())
		.filter(c -> c != ReferralChannel.COUNTY_CENTRE)
		.map(Enum::name)
		.toList();

	private static OutcomeField referralChannel() {
		return choice(Vars.REFERRAL_CHANNEL, "转介渠道", REFERRAL_CHANNELS);
	}

	private static TaskOutcome recordSession() {
		return TaskOutcome.of("RECORD_SESSION", "记录一次调解", dateTime("sessionHeldAt", "调解时间", true),
				text("sessionParticipants", "参加人员", true), text("sessionSummary", "调解情况", true));
	}

	private static TaskOutcome settled() {
		return TaskOutcome.of("SETTLED", "调解成功", text("settlementSummary", "调解结果", true));
	}

	private static TaskOutcome notSettled() {
		return TaskOutcome.of("NOT_SETTLED", "未能调成", text("notSettledReason", "未能调成的原因", true));
	}

	@Bean
	TaskContract acceptDisputeTask() {
		return TaskContract.of(Ids.TASK_ACCEPT, Vars.ACCEPT_OUTCOME,
				TaskOutcome.of("ACCEPT", "受理", text("parties", "当事人（每行一人：姓名、身份证号或电话、住址）", true),
						text("disputeSummary", "纠纷概要", true)),
				TaskOutcome.of("DECLINE", "不予受理", text(Vars.REFERRAL_REASON, "不予受理的理由", true), referralChannel()));
	}

	@Bean
	TaskContract villageMediationTask() {
		return TaskContract.of(Ids.TASK_VILLAGE_MEDIATION, Vars.VILLAGE_OUTCOME, recordSession(), settled(),
				notSettled(), TaskOutcome.of("REQUEST_EXTENSION", "申请延期（仅一次）", text("extensionReason", "延期理由", true)));
	}

	@Bean
	TaskContract approveExtensionTask() {
		return TaskContract.of(Ids.TASK_APPROVE_EXTENSION, Vars.EXTENSION_DECISION,
				TaskOutcome.of("GRANT", "批准延期", text("grantNote", "批准意见", false)),
				TaskOutcome.of("REFUSE", "不予延期", text("refuseReason", "不予延期的理由", true)));
	}

	@Bean
	TaskContract brandRoomStepInTask() {
		return TaskContract.of(Ids.TASK_BRAND_ROOM_STEP_IN, Vars.STEP_IN_OUTCOME,
				TaskOutcome.of("TAKE_OVER", "接手调解", text("takeOverReason", "接手说明", false)));
	}

	@Bean
	TaskContract brandRoomMediationTask() {
		return TaskContract.of(Ids.TASK_BRAND_ROOM_MEDIATION, Vars.BRAND_ROOM_OUTCOME, recordSession(), settled(),
				notSettled());
	}

	@Bean
	TaskContract policeOpinionTask() {
		return opinion(Ids.TASK_POLICE_OPINION, Vars.POLICE_OUTCOME, "policeOpinion", "派出所所长意见");
	}

	@Bean
	TaskContract courtOpinionTask() {
		return opinion(Ids.TASK_COURT_OPINION, Vars.COURT_OUTCOME, "courtOpinion", "法庭庭长意见");
	}

	@Bean
	TaskContract judicialOpinionTask() {
		return opinion(Ids.TASK_JUDICIAL_OPINION, Vars.JUDICIAL_OUTCOME, "judicialOpinion", "司法所所长意见");
	}

	@Bean
	TaskContract jointConsultationTask() {
		OutcomeField decision = text("jointDecision", "会商决定", true);
		return TaskContract.of(Ids.TASK_JOINT_CONSULTATION, Vars.JOINT_OUTCOME,
				TaskOutcome.of("SETTLED", "调解成功", decision),
				TaskOutcome.of("NOT_SETTLED", "未能调成，报县综治中心", decision));
	}

	@Bean
	TaskContract countyMediationTask() {
		return TaskContract.of(Ids.TASK_COUNTY_MEDIATION, Vars.COUNTY_OUTCOME, recordSession(), settled(),
				TaskOutcome.of("NOT_SETTLED", "未能调成，转介", text("notSettledReason", "未能调成的原因", true),
						choice(Vars.REFERRAL_CHANNEL, "转介渠道", COURT_AND_AGENCY_CHANNELS),
						text(Vars.REFERRAL_REASON, "转介理由", true)));
	}

	@Bean
	TaskContract draftAgreementTask() {
		return TaskContract.of(Ids.TASK_DRAFT_AGREEMENT, Vars.AGREEMENT_OUTCOME,
				TaskOutcome.of("SIGNED", "协议已签署", text("parties", "当事人基本情况", true),
						text("facts", "纠纷主要事实、争议事项及各方责任", true), text("obligations", "达成协议的内容", true),
						text("performance", "履行方式、地点", true), dateTime("performBy", "履行期限", true),
						choice("signaturesConfirmed", "当事人签名（盖章、按指印）已确认", List.of("CONFIRMED")),
						choice(Vars.APPLY_JUDICIAL_CONFIRMATION, "是否申请司法确认", List.of("YES", "NO"))));
	}

	@Bean
	TaskContract judicialConfirmationTask() {
		return TaskContract.of(Ids.TASK_JUDICIAL_CONFIRMATION, Vars.CONFIRMATION_OUTCOME,
				TaskOutcome.of("APPLIED", "已共同申请司法确认", text("court", "受理法院", true)),
				TaskOutcome.of("WAIVED", "放弃申请", text("waiveReason", "说明", false)));
	}

	@Bean
	TaskContract mediationFollowUpTask() {
		OutcomeField note = text("followUpNote", "回访情况", true);
		return TaskContract.of(Ids.TASK_FOLLOW_UP, Vars.FOLLOW_UP_OUTCOME, TaskOutcome.of("PERFORMED", "已履行", note),
				TaskOutcome.of("PARTLY_PERFORMED", "部分履行", note), TaskOutcome.of("NOT_PERFORMED", "未履行", note),
				TaskOutcome.of("REFERRAL_FOLLOWED", "已转介，跟进进展", note));
	}

	private static TaskContract opinion(String taskKey, String outcomeVariable, String field, String label) {
		return TaskContract.of(taskKey, outcomeVariable, TaskOutcome.of("SUBMIT", "提交意见", text(field, label, true)));
	}

}
