package io.casegrid.mediation;

/**
 * Candidate groups of mediation tasks, {@code <role>:<org code>}: who in which place may take the task. The identity
 * layer maps them to roles and org units of the signed-in user.
 */
final class MediatorGroups {

	/** The county governance centre (县综治中心), the third tier; the candidate group of its task in the diagram. */
	static final String COUNTY_CENTRE = "county-centre";

	private MediatorGroups() {
	}

	/** The people's mediation committee of a village/community (or township). */
	static String committee(String unitCode) {
		return "mediation:" + unitCode;
	}

	static String brandRoom(String roomCode) {
		return "brand-room:" + roomCode;
	}

	/** The township's governance centre, which records the decision of the 三长会商. */
	static String townshipCentre(String townshipCode) {
		return "township-centre:" + townshipCode;
	}

}
