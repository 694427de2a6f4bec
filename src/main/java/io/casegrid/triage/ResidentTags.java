package io.casegrid.triage;

import java.util.Set;

/** Population tags (人口标签) of residents; some mark people whose appeals come first. */
public final class ResidentTags {

	/** 独居老人, 重残人员, 低保在享, 留守儿童. */
	public static final Set<String> VULNERABLE = Set.of("LIVING_ALONE_ELDERLY", "SEVERE_DISABILITY",
			"SUBSISTENCE_ALLOWANCE", "LEFT_BEHIND_CHILD");

	private ResidentTags() {
	}

	public static boolean anyVulnerable(Set<String> tags) {
		return tags.stream().anyMatch(VULNERABLE::contains);
	}

}
