package io.casegrid.feedback;

/** Ids and variables of {@code processes/return-visit.bpmn} (评价后回访), shared by the glue code and the tests. */
public final class ReturnVisitProcess {

	public static final String PROCESS_KEY = "ReturnVisit";

	public static final String MESSAGE_FOLLOW_UP_VISIT_REQUESTED = "FollowUpVisitRequested";

	private ReturnVisitProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String START_FOLLOW_UP_VISIT_REQUESTED = "StartEvent_FollowUpVisitRequested";

		public static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";

		public static final String END_FOLLOW_UP_VISITED = "EndEvent_FollowUpVisited";

		private Ids() {
		}

	}

	/** Process variables. */
	public static final class Vars {

		/** The outcome of 评价后回访 (form {@code follow-up-visit.form}). */
		public static final String FOLLOW_UP_VISIT_RESULT = "followUpVisitResult";

		/** What the visitor heard. */
		public static final String VISIT_RECORD = "visitRecord";

		private Vars() {
		}

	}

}
