package io.casegrid.mediation;

/** Ids and variables of {@code processes/tiered-mediation.bpmn}, shared by the glue code and the tests. */
public final class TieredMediationProcess {

	public static final String PROCESS_KEY = "TieredMediation";

	/** The second tier, called by {@link Ids#CALL_THREE_HEADS}: {@code processes/three-heads-consultation.bpmn}. */
	public static final String THREE_HEADS_PROCESS_KEY = "ThreeHeadsConsultation";

	private TieredMediationProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String TASK_ACCEPT = "Task_AcceptDispute";

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
