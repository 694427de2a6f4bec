package io.casegrid.whistle;

import io.casegrid.escalation.ThreeLevelResponseProcess;

/** Ids and variables of {@code processes/department-report.bpmn}, shared by the glue code and the tests. */
public final class DepartmentReportProcess {

	public static final String PROCESS_KEY = "DepartmentReport";

	/** The message that withdraws the department (撤回): the event subprocess {@code SubProcess_Withdrawn} starts. */
	public static final String MESSAGE_WITHDRAWN = "DepartmentWithdrawn";

	private DepartmentReportProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String TASK_ACKNOWLEDGE = "Task_Acknowledge";

		public static final String TIMER_ACKNOWLEDGEMENT_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";

		public static final String TASK_SUPERVISE_ACKNOWLEDGEMENT = "Task_SuperviseAcknowledgement";

		public static final String TASK_CONFIRM_JURISDICTION = "Task_ConfirmJurisdiction";

		public static final String TASK_DEPARTMENT_HANDLE = "Task_DepartmentHandle";

		public static final String TIMER_HANDLING_OVERDUE = "BoundaryEvent_HandlingOverdue";

		public static final String TASK_SUPERVISE_HANDLING = "Task_SuperviseHandling";

		public static final String END_REPORTED = "EndEvent_Reported";

		public static final String TASK_CLOSE_WITHDRAWN = "Task_CloseWithdrawn";

		public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

		private Ids() {
		}

	}

	/** Process variables of one department's report. */
	public static final class Vars {

		/** Passed in by the three-level response's call activity. */
		public static final String LEAD_DEPARTMENT = ThreeLevelResponseProcess.Vars.LEAD_DEPARTMENT;

		public static final String REPORT_DEPARTMENT = "reportDepartment";

		/** The candidate group of the level that whistled (a township's org code or the county centre). */
		public static final String WHISTLED_BY = "whistledBy";

		public static final String REPORT_CLOCK_ID = "reportClockId";

		public static final String ACK_DUE_AT = "ackDueAt";

		public static final String DEPARTMENT_DUE_AT = "departmentDueAt";

		public static final String ACKNOWLEDGE_OUTCOME = "acknowledgeOutcome";

		public static final String DEPARTMENT_OUTCOME = "departmentOutcome";

		public static final String JURISDICTION_DECISION = "jurisdictionDecision";

		public static final String NEW_DEPARTMENT_CODE = "newDepartmentCode";

		/** Why the level withdrew the department, set with {@link DepartmentReportProcess#MESSAGE_WITHDRAWN}. */
		public static final String WITHDRAW_REASON = "withdrawReason";

		private Vars() {
		}

	}

}
