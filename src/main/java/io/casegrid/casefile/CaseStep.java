package io.casegrid.casefile;

/** The six steps of the closed loop (六步闭环). */
public enum CaseStep {

	/** 问题上报 — taken in, not yet filed. */
	REPORTED,
	/** 案卷建立 — the case file is open and waits for dispatch. */
	FILED,
	/** 任务指派 — a handling unit was chosen and has not signed for it yet. */
	DISPATCHED,
	/** 调查落实 — the handling unit works on it. */
	HANDLING,
	/** 反馈结果 — the result went to the reporter; waiting for the return visit and evaluation. */
	FEEDBACK,
	/** 结案归档 — closed and archived. */
	ARCHIVED

}
