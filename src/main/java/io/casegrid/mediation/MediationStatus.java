package io.casegrid.mediation;

/** Where a mediation stands. */
public enum MediationStatus {

	/** Received by the committee, not yet accepted. */
	RECEIVED,
	/** Accepted (受理) and being mediated. */
	IN_PROGRESS,
	/** Settled with an agreement (调解成功). */
	SETTLED,
	/** Not mediated or not settled: referred elsewhere (转介). */
	REFERRED,
	/** Followed up and handed back to the case (结束). */
	CONCLUDED

}
