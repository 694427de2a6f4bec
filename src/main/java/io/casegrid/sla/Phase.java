package io.casegrid.sla;

/**
 * The phases that have a time limit (限时受理、派单、处置、反馈), the first reply (回音) and the return visit, as the rows of
 * {@code sla-policy.dmn} name them. ACCEPTANCE is one phase for every way a unit takes a case on: a dispatched unit's
 * 签收 of its handling task, a whistled department's 报到, county command's 接报 of an emergency.
 */
public enum Phase {

	/** 受理 / 签收 / 报到 / 接报: taking the case on. */
	ACCEPTANCE,
	/** 派单: from 研判 to the unit that handles it. */
	DISPATCH,
	/** 回音: the first substantive answer to the resident (复杂事7天内有回音), met by a recorded reply, not by 办结. */
	REPLY,
	/** 办结: resolving it. */
	HANDLING,
	/** 反馈: telling the reporter. */
	FEEDBACK,
	/** 回访. */
	RETURN_VISIT,
	/** 调解: a level's time box of tiered mediation (三级七天), limits from {@code mediation-policy.dmn}. */
	MEDIATION

}
