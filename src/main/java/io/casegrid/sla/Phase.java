package io.casegrid.sla;

/** The phases that have a time limit (限时受理、派单、处置、反馈) plus the return visit. */
public enum Phase {

	/** 受理 / 签收 / 报到: taking the case on. */
	ACCEPTANCE,
	/** 派单. */
	DISPATCH,
	/** 办结: resolving it. */
	HANDLING,
	/** 反馈: telling the reporter. */
	FEEDBACK,
	/** 回访. */
	RETURN_VISIT,
	/** 调解: a level's time box of tiered mediation (三级七天), limits from {@code mediation-policy.dmn}. */
	MEDIATION

}
