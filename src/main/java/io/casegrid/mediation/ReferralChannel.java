package io.casegrid.mediation;

/** Where an unsettled dispute is referred (转介). */
public enum ReferralChannel {

	LITIGATION("诉讼"), ARBITRATION("仲裁"), PETITION("信访"), COUNTY_CENTRE("县综治中心");

	private final String label;

	ReferralChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
