package io.casegrid.escalation;

/**
 * The levels of the three-level response (三级响应): grid and village settle small matters, the township/street big
 * ones, the county centre coordinates urgent and hard ones. A department handling on its own answers to the county.
 */
public enum ResponseLevel {

	GRID, VILLAGE, TOWNSHIP, COUNTY, DEPARTMENT;

	/** One level up: 网格/村 → 乡街 → 县综治中心; the county is the top and stays. */
	ResponseLevel above() {
		return switch (this) {
			case GRID, VILLAGE -> TOWNSHIP;
			case TOWNSHIP, DEPARTMENT, COUNTY -> COUNTY;
		};
	}

	/** The name of the escalation to this level, as dashboards show it (ESCALATE_TO_TOWNSHIP …). */
	String escalationAction() {
		return "ESCALATE_TO_" + name();
	}

}
