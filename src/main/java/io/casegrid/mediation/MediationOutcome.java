package io.casegrid.mediation;

/**
 * How a mediation ended, as {@code tiered-mediation.bpmn} distinguishes it: the one fact a mediation success rate is
 * counted from. Every ending other than {@link #SETTLED} is referred elsewhere (转介); the referral's channel is kept
 * beside it.
 */
public enum MediationOutcome {

	/** 调解成功: settled at some level, with an agreement. */
	SETTLED("调解成功"),
	/** 未能调成: mediated up to the last level (三长会商) without settling, then referred. */
	NOT_SETTLED("调解未成"),
	/** 期满未成: the last level's time box ran out without a settlement, then referred to the county centre. */
	TIMED_OUT("调解期满未成"),
	/** 不予受理: the committee did not take the dispute (not a matter for people's mediation), then referred. */
	DECLINED("不予受理");

	/** The process variable {@code concludeMediation} writes the outcome to. */
	public static final String VARIABLE = "mediationOutcome";

	private final String label;

	MediationOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
