package io.casegrid.reports;

/** Ids and variables of {@code processes/monthly-report.bpmn} (专报). */
public final class MonthlyReportProcess {

	public static final String KEY = "MonthlyReport";

	public static final class Ids {

		public static final String START = "Event_MonthlyStart";

		public static final String TASK_COMPUTE = "Task_ComputeReport";

		public static final String TASK_REVIEW = "Task_ReviewReport";

		public static final String TASK_PUBLISH = "Task_PublishReport";

		public static final String END_PUBLISHED = "Event_ReportPublished";

		private Ids() {
		}

	}

	public static final class Vars {

		/** In (optional): the month to report, {@code 2026-11}; by default the month before the start. */
		public static final String MONTH = "reportMonth";

		/** In (optional): the unit reported on; by default the county. */
		public static final String UNIT = "reportUnit";

		/** Out of 生成专报: the draft version to review. */
		public static final String REPORT_ID = "reportId";

		/** 审核专报's outcome: PUBLISH or REGENERATE. */
		public static final String DECISION = "reviewDecision";

		/** 审核意见, kept with the report. */
		public static final String REVIEW_COMMENT = "reviewComment";

		/** Who reviewed (the task's completer), the report's publisher. */
		public static final String REVIEWED_BY = "reviewedBy";

		private Vars() {
		}

	}

	private MonthlyReportProcess() {
	}

}
