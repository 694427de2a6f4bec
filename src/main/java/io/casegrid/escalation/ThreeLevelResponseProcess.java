package io.casegrid.escalation;

/** Ids and variables of {@code processes/three-level-response.bpmn}, shared by the glue code and the tests. */
public final class ThreeLevelResponseProcess {

	public static final String PROCESS_KEY = "ThreeLevelResponse";

	private ThreeLevelResponseProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String TASK_ENTER_LEVEL = "Task_EnterLevel";

		public static final String TASK_HANDLE_AT_LEVEL = "Task_HandleAtLevel";

		public static final String TIMER_HANDLE_WARNING = "BoundaryEvent_HandleWarning";

		public static final String TIMER_HANDLE_BREACH = "BoundaryEvent_HandleBreach";

		public static final String TASK_APPROVE_LEVEL_EXTENSION = "Task_ApproveLevelExtension";

		public static final String TASK_WARN_HANDLER = "Task_WarnHandler";

		public static final String TASK_ESCALATE_ON_BREACH = "Task_EscalateOnBreach";

		public static final String END_HANDLED = "EndEvent_Handled";

		/** A department matter's first arrival at the township: its department reports at once (研判派发). */
		public static final String TASK_WHISTLE_BY_TRIAGE = "Task_WhistleByTriage";

		/** While whistled departments hold the matter, the level's clock is paused. */
		public static final String TASK_HAND_OVER_LEVEL_CLOCK = "Task_HandOverLevelClock";

		/** Every department reported: the level's clock runs on with the time it had left. */
		public static final String TASK_TAKE_BACK_LEVEL_CLOCK = "Task_TakeBackLevelClock";

		/** Calls {@code department-report.bpmn} once per whistled department. */
		public static final String CALL_DEPARTMENT_REPORT = "CallActivity_DepartmentReport";

		private Ids() {
		}

	}

	/** Process variables of the three-level response. */
	public static final class Vars {

		/** GRID, VILLAGE, TOWNSHIP, COUNTY or DEPARTMENT: who handles the case now. */
		public static final String RESPONSE_LEVEL = "responseLevel";

		/** The candidate group of the level's task: a unit's org code, or {@code county-centre}. */
		public static final String LEVEL_GROUP = "levelGroup";

		public static final String HANDLE_DUE_AT = "handleDueAt";

		public static final String HANDLE_WARN_AT = "handleWarnAt";

		public static final String SLA_CLOCK_ID = "slaClockId";

		public static final String ESCALATION_REASON = "escalationReason";

		/** The extension asked for (延期), as an ISO-8601 limit counted like the level's clock, e.g. P1D. */
		public static final String EXTENSION = "extension";

		public static final String EXTENSION_REASON = "extensionReason";

		/** The candidate group that decides an extension: the level above. */
		public static final String EXTENSION_APPROVER = "extensionApprover";

		public static final String LEVEL_EXTENSION_DECISION = "levelExtensionDecision";

		/** On 吹哨: the whistled departments' org codes, comma-separated. */
		public static final String WHISTLED_DEPARTMENTS = "whistledDepartments";

		/** The multi-instance element of {@code CallActivity_DepartmentReport}: one whistled department. */
		public static final String WHISTLED_DEPARTMENT = "whistledDepartment";

		/** On 吹哨: the lead department, one of the whistled; passed to each department's report. */
		public static final String LEAD_DEPARTMENT = "leadDepartment";

		/** On 吹哨 that accepts a 吹哨申请: the application's id, local to the completed 分级办理 task. */
		public static final String WHISTLE_APPLICATION = "whistleApplication";

		/** Set once triage's department was called in on this handling, so that it is called in once only. */
		public static final String TRIAGE_WHISTLED = "triageWhistled";

		private Vars() {
		}

	}

}
