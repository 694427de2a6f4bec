package io.casegrid.escalation;

/** Ids and variables of {@code processes/supervision-order.bpmn}, shared by the glue code and the tests. */
public final class SupervisionOrderProcess {

	public static final String PROCESS_KEY = "SupervisionOrder";

	private SupervisionOrderProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String TASK_REPLY = "Task_ReplyToOrder";

		public static final String TIMER_REPLY_OVERDUE = "BoundaryEvent_ReplyOverdue";

		public static final String TASK_REVIEW = "Task_ReviewReply";

		public static final String TASK_RECORD_MISSED = "Task_RecordOrderMissed";

		public static final String TASK_COUNTY_SUPERVISION = "Task_CountySupervision";

		public static final String END_CLOSED = "EndEvent_OrderClosed";

		public static final String END_ESCALATED = "EndEvent_OrderEscalated";

		private Ids() {
		}

	}

	/** Process variables of one supervision order. */
	public static final class Vars {

		public static final String ORDER_ID = "orderId";

		public static final String DEPARTMENT_CODE = "departmentCode";

		public static final String ISSUER = "issuer";

		public static final String REPLY_DUE_AT = "replyDueAt";

		public static final String REPLY_OUTCOME = "replyOutcome";

		public static final String REPLY = "reply";

		public static final String REVIEW_OUTCOME = "reviewOutcome";

		public static final String SEND_BACK_REASON = "sendBackReason";

		public static final String REVIEW_NOTE = "reviewNote";

		public static final String COUNTY_OUTCOME = "countySupervisionOutcome";

		public static final String COUNTY_NOTE = "countyNote";

		private Vars() {
		}

	}

}
