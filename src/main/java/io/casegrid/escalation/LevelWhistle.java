package io.casegrid.escalation;

import java.util.List;
import java.util.UUID;

/**
 * 吹哨 from a level's task: checks the whistle and records it on the case. The whistle feature (吹哨报到) implements
 * it; the three-level response only asks for it, so that escalation does not depend on whistle.
 */
public interface LevelWhistle {

	/**
	 * Checks the whistle and writes it on the case's timeline; returns the departments in order.
	 *
	 * @param applicationId the 吹哨申请 the whistle accepts, or null when the level whistles of its own accord
	 */
	List<String> whistle(UUID caseId, String level, String whistledBy, String departments, String lead,
			String applicationId, String actor);

}
