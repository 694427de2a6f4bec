package io.casegrid.mediation;

import io.casegrid.mediation.TieredMediationProcess.Ids;

/**
 * Who mediates (三级调解: village, township, county). The brand room steps in at the village tier and works on its
 * time box; it is not a tier of its own.
 */
public enum MediationLevel {

	/** 村(社区)调解委员会. */
	VILLAGE("村(社区)调解委员会", "VILLAGE"),
	/** 品牌调解室, stepped in (及时介入) at the village tier. */
	BRAND_ROOM("品牌调解室", "VILLAGE"),
	/** 乡镇（街道）三长会商. */
	THREE_HEADS("三长会商", "TOWNSHIP"),
	/** 县综治中心协调化解. */
	COUNTY("县综治中心", "COUNTY");

	/**
	 * The user tasks in which an open level is worked (at the three heads: each head's opinion and the township's
	 * joint decision); who may work one of them is a handler of the level, and only handlers record sessions.
	 */
	static final String[] HANDLING_TASKS = { Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_MEDIATION,
			Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION, Ids.TASK_JOINT_CONSULTATION,
			Ids.TASK_COUNTY_MEDIATION };

	private final String label;

	private final String tier;

	MediationLevel(String label, String tier) {
		this.label = label;
		this.tier = tier;
	}

	public String label() {
		return label;
	}

	/**
	 * The tier whose time box the level works on: the row of {@code mediation-policy.dmn} and the level of its SLA
	 * clock (VILLAGE, TOWNSHIP, COUNTY, as in the three-level response).
	 */
	public String tier() {
		return tier;
	}

}
