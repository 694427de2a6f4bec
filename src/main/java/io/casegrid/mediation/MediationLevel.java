package io.casegrid.mediation;

import io.casegrid.mediation.TieredMediationProcess.Ids;


/** The tiers of mediation (三级调解). */
public enum MediationLevel {

	/** 村(社区)调解委员会. */
	VILLAGE("村(社区)调解委员会"),
	/** 品牌调解室. */
	BRAND_ROOM("品牌调解室"),
	/** 乡镇（街道）三长会商. */
	THREE_HEADS("三长会商");

	/**
	 * The user tasks in which an open level is worked (at the three heads: each head's opinion and the township's
	 * joint decision); who may work one of them is a handler of the level, and only handlers record sessions.
	 */
	static final String[] HANDLING_TASKS = { Ids.TASK_VILLAGE_MEDIATION, Ids.TASK_BRAND_ROOM_MEDIATION,
			Ids.TASK_POLICE_OPINION, Ids.TASK_COURT_OPINION, Ids.TASK_JUDICIAL_OPINION, Ids.TASK_JOINT_CONSULTATION };

	private final String label;

	MediationLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
