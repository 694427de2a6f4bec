package io.casegrid.casefile;

import io.casegrid.process.ProcessVariables;

/**
 * Ids and variables of {@code processes/case-lifecycle.bpmn} and the default dispatch and handling processes it
 * calls, shared by the glue code and the tests.
 */
public final class CaseLifecycleProcess {

	public static final String PROCESS_KEY = "CaseLifecycle";

	public static final String DISPATCH_PROCESS_KEY = "CaseDispatch";

	public static final String HANDLING_PROCESS_KEY = "CaseHandling";

	public static final String MESSAGE_CASE_REPORTED = "CaseReported";

	public static final String MESSAGE_EVALUATION_RECEIVED = "EvaluationReceived";

	private CaseLifecycleProcess() {
	}

	/** BPMN element ids. */
	public static final class Ids {

		public static final String START_CASE_REPORTED = "StartEvent_CaseReported";

		public static final String TASK_OPEN_CASE_FILE = "Task_OpenCaseFile";

		public static final String CALL_DISPATCH = "CallActivity_Dispatch";

		public static final String CALL_HANDLE = "CallActivity_Handle";

		public static final String TASK_SEND_RESULT = "Task_SendResult";

		public static final String TASK_RETURN_VISIT = "Task_ReturnVisit";

		public static final String TIMER_EVALUATION_OVERDUE = "BoundaryEvent_EvaluationOverdue";

		public static final String TASK_DEFAULT_EVALUATION = "Task_DefaultEvaluation";

		public static final String TASK_RECORD_EVALUATION = "Task_RecordEvaluation";

		public static final String TASK_RETURN_VISIT_POLICY = "Task_ReturnVisitPolicy";

		public static final String TASK_REQUEST_FOLLOW_UP_VISIT = "Task_RequestFollowUpVisit";

		public static final String TASK_MARK_REDO = "Task_MarkRedo";

		public static final String TASK_CENTRE_DECISION = "Task_CentreDecision";

		public static final String TASK_ARCHIVE = "Task_Archive";

		public static final String END_ARCHIVED = "EndEvent_Archived";

		/** In {@code case-dispatch.bpmn}. */
		public static final String TASK_DISPATCH = "Task_Dispatch";

		/** In {@code case-handling.bpmn}. */
		public static final String TASK_HANDLE = "Task_Handle";

		private Ids() {
		}

	}

	/**
	 * Process variables: only ids and what the diagrams' expressions (gateways, called elements, candidate groups,
	 * timers) or the forms ({@code caseNumber}) read; the case's content — channel, category, place, start level,
	 * priority, track, department, SLA class — stays in the case file, where delegates and listeners read it (each
	 * variable costs a runtime row and a history row, and again in every process it is passed to:
	 * docs/performance.md, "What changed for issue 14"). A call activity passes only what the processes it may
	 * call read.
	 */
	public static final class Vars {

		public static final String CASE_ID = ProcessVariables.CASE_ID;

		public static final String CASE_NUMBER = "caseNumber";

		/** The optional 处理类型 field of 人工研判's form: a track other than the case file's re-tracks the case. */
		public static final String TRACK = "track";

		public static final String DISPATCH_PROCESS = "dispatchProcess";

		public static final String HANDLING_PROCESS = "handlingProcess";

		public static final String DISPATCH_OUTCOME = "dispatchOutcome";

		public static final String HANDLING_UNIT_CODE = "handlingUnitCode";

		public static final String HANDLING_OUTCOME = "handlingOutcome";

		public static final String HANDLER = "handler";

		public static final String REDO_COUNT = "redoCount";

		public static final String EVALUATION_DUE_AT = "evaluationDueAt";

		public static final String EVALUATION_SCORE = "evaluationScore";

		public static final String EVALUATION_COMMENT = "evaluationComment";

		/** Who gave the evaluation ({@link EvaluationSource}); the return visit's policy reads it. */
		public static final String EVALUATION_SOURCE = "evaluationSource";

		/** Out of 回访规则 ({@code return-visit-policy.dmn}): whether 评价后回访 follows. */
		public static final String FOLLOW_UP_VISIT = "followUpVisit";

		public static final String CENTRE_DECISION = "centreDecision";

		/** A task-completion comment; read and removed by the task's complete listener. */
		public static final String COMMENT = ProcessVariables.COMMENT;

		private Vars() {
		}

	}

}
