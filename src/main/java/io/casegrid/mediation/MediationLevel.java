package io.casegrid.mediation;

/** The tiers of mediation (三级调解). */
public enum MediationLevel {

	/** 村(社区)调解委员会. */
	VILLAGE("村(社区)调解委员会"),
	/** 品牌调解室. */
	BRAND_ROOM("品牌调解室"),
	/** 乡镇（街道）三长会商. */
	THREE_HEADS("三长会商");

	private final String label;

	MediationLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
