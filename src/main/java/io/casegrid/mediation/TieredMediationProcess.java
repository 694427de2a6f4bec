package io.casegrid.mediation;

/**
 * Ids and variables of {@code processes/tiered-mediation.bpmn} and the processes it calls for its parts
 * ({@code village-mediation.bpmn}, {@code three-heads-consultation.bpmn}, {@code mediation-agreement.bpmn}), shared by
 * the glue code and the tests. A user task keeps its id whichever of them holds it.
 */
public final class TieredMediationProcess {

	public static final String PROCESS_KEY = "TieredMediation";

	/** The first tier, called by {@link Ids#CALL_VILLAGE}: {@code processes/village-mediation.bpmn}. */
	public static final String VILLAGE_PROCESS_KEY = "VillageMediation";

	/** The agreement and its judicial confirmation, called by {@link Ids#CALL_AGREEMENT}: {@code processes/mediation-agreement.bpmn}. */
	public static final String AGREEMENT_PROCESS_KEY = "MediationAgreement";

	/** The second tier, called by {@link Ids#CALL_THREE_HEADS}: {@code processes/three-heads-consultation.bpmn}. */
	public static final String THREE_HEADS_PROCESS_KEY = "ThreeHeadsConsultation";

	private TieredMediationProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String CALL_VILLAGE = "CallActivity_VillageMediation";

		public static final String CALL_AGREEMENT = "CallActivity_MediationAgreement";

		public static final String TASK_PREPARE = "Task_PrepareMediation";

		public static final String TASK_ACCEPT = "Task_AcceptDispute";

		public static final String END_DISPUTE_DECLINED = "EndEvent_DisputeDeclined";

		public static final String END_VILLAGE_SETTLED = "EndEvent_VillageSettled";

		public static final String END_VILLAGE_NOT_SETTLED = "EndEvent_VillageNotSettled";

		public static final String END_VILLAGE_DECIDED = "EndEvent_VillageDecided";

		public static final String END_NO_BRAND_ROOM = "EndEvent_NoBrandRoom";

		public static final String TASK_WARN_VILLAGE = "Task_WarnVillage";

		public static final String TASK_RECORD_VILLAGE_TIME_UP = "Task_RecordVillageTimeUp";

		public static final String END_VILLAGE_TIMED_OUT = "EndEvent_VillageTimedOut";

		public static final String TASK_ENTER_BRAND_ROOM = "Task_EnterBrandRoom";

		public static final String END_BRAND_ROOM_DECIDED = "EndEvent_BrandRoomDecided";

		public static final String END_BRAND_ROOM_TIMED_OUT = "EndEvent_BrandRoomTimedOut";

		public static final String SUB_VILLAGE = "SubProcess_VillageMediation";

		public static final String TASK_VILLAGE_MEDIATION = "Task_VillageMediation";

		public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";

		public static final String TASK_BRAND_ROOM_STEP_IN = "Task_BrandRoomStepIn";

		public static final String TIMER_VILLAGE_WARNING = "BoundaryEvent_VillageWarning";

		public static final String TIMER_VILLAGE_TIME_UP = "BoundaryEvent_VillageTimeUp";

		public static final String TASK_BRAND_ROOM_MEDIATION = "Task_BrandRoomMediation";

		public static final String TIMER_BRAND_ROOM_TIME_UP = "BoundaryEvent_BrandRoomTimeUp";

		public static final String CALL_THREE_HEADS = "CallActivity_ThreeHeads";

		public static final String SUB_THREE_HEADS = "SubProcess_ThreeHeads";

		public static final String TASK_POLICE_OPINION = "Task_PoliceOpinion";

		public static final String TASK_COURT_OPINION = "Task_CourtOpinion";

		public static final String TASK_JUDICIAL_OPINION = "Task_JudicialOpinion";

		public static final String TASK_JOINT_CONSULTATION = "Task_JointConsultation";

		public static final String TIMER_POLICE_OPINION_OVERDUE = "BoundaryEvent_PoliceOpinionOverdue";

		public static final String TIMER_COURT_OPINION_OVERDUE = "BoundaryEvent_CourtOpinionOverdue";

		public static final String TIMER_JUDICIAL_OPINION_OVERDUE = "BoundaryEvent_JudicialOpinionOverdue";

		public static final String TIMER_THREE_HEADS_TIME_UP = "BoundaryEvent_ThreeHeadsTimeUp";

		public static final String END_THREE_HEADS_DECIDED = "EndEvent_ThreeHeadsDecided";

		public static final String END_THREE_HEADS_TIMED_OUT = "EndEvent_ThreeHeadsTimedOut";

		public static final String TASK_ENTER_COUNTY = "Task_EnterCounty";

		public static final String TASK_COUNTY_MEDIATION = "Task_CountyMediation";

		public static final String TIMER_COUNTY_TIME_UP = "BoundaryEvent_CountyTimeUp";

		public static final String TASK_RECORD_COUNTY_TIME_UP = "Task_RecordCountyTimeUp";

		public static final String TASK_RECORD_THREE_HEADS_TIME_UP = "Task_RecordThreeHeadsTimeUp";

		public static final String TASK_DRAFT_AGREEMENT = "Task_DraftAgreement";

		public static final String TASK_JUDICIAL_CONFIRMATION = "Task_JudicialConfirmation";

		public static final String TIMER_CONFIRMATION_LAPSED = "BoundaryEvent_ConfirmationLapsed";

		public static final String TASK_RECORD_CONFIRMATION_LAPSED = "Task_RecordConfirmationLapsed";

		public static final String END_NO_CONFIRMATION = "EndEvent_NoConfirmation";

		public static final String END_CONFIRMATION_DECIDED = "EndEvent_ConfirmationDecided";

		public static final String END_CONFIRMATION_LAPSED = "EndEvent_ConfirmationLapsed";

		public static final String TASK_RECORD_REFERRAL = "Task_RecordReferral";

		public static final String TASK_FOLLOW_UP = "Task_MediationFollowUp";

		public static final String END_DONE = "EndEvent_MediationDone";

		private Ids() {
		}

	}

	/** Process variables of the mediation. */
	public static final class Vars {

		public static final String VILLAGE_CODE = "villageCode";

		public static final String TOWNSHIP_CODE = "townshipCode";

		public static final String BRAND_ROOM = "brandRoom";

		public static final String BRAND_ROOM_NAME = "brandRoomName";

		public static final String VILLAGE_DUE_AT = "villageDueAt";

		public static final String VILLAGE_WARN_AT = "villageWarnAt";

		public static final String LEVEL_DUE_AT = "levelDueAt";

		public static final String OPINION_DUE_AT = "opinionDueAt";

		public static final String EXTENSION_COUNT = "extensionCount";

		public static final String MEDIATOR_GROUP = "mediatorGroup";

		public static final String LEVEL = "level";

		public static final String ACCEPT_OUTCOME = "acceptOutcome";

		public static final String VILLAGE_OUTCOME = "villageOutcome";

		public static final String EXTENSION_DECISION = "extensionDecision";

		public static final String STEP_IN_OUTCOME = "stepInOutcome";

		public static final String BRAND_ROOM_OUTCOME = "brandRoomOutcome";

		public static final String POLICE_OUTCOME = "policeOutcome";

		public static final String COURT_OUTCOME = "courtOutcome";

		public static final String JUDICIAL_OUTCOME = "judicialOutcome";

		public static final String JOINT_OUTCOME = "jointOutcome";

		public static final String COUNTY_OUTCOME = "countyOutcome";

		public static final String AGREEMENT_OUTCOME = "agreementOutcome";

		public static final String CONFIRMATION_OUTCOME = "confirmationOutcome";

		public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

		public static final String REFERRAL_CHANNEL = "referralChannel";

		public static final String REFERRAL_REASON = "referralReason";

		public static final String APPLY_JUDICIAL_CONFIRMATION = "applyJudicialConfirmation";

		public static final String JUDICIAL_CONFIRMATION_DUE_AT = "judicialConfirmationDueAt";

		public static final String AGREEMENT_ID = "agreementId";

		private Vars() {
		}

	}

}
