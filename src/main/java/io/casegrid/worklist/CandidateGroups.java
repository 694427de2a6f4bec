package io.casegrid.worklist;

import java.util.HashSet;
import java.util.Set;

import io.casegrid.security.Actor;
import io.casegrid.security.Role;

import org.springframework.stereotype.Component;

/**
 * Maps the processes' candidate groups to what a token says: the role groups of the BPMN ({@code dispatcher},
 * {@code return-visit}, {@code governance-centre}) to realm roles, and a handling unit's org code to the people
 * who belong to that unit. Which cases of those groups someone actually gets is then limited by
 * {@link io.casegrid.casefile.CaseVisibility} (a township dispatcher dispatches the cases of their township only).
 */
@Component
class CandidateGroups {

	static final String DISPATCHER = "dispatcher";

	static final String RETURN_VISIT = "return-visit";

	static final String GOVERNANCE_CENTRE = "governance-centre";

	/** Roles whose holders work the tasks of their org unit (a task whose candidate group is the unit's code). */
	private static final Set<Role> UNIT_MEMBERS = Set.of(Role.GRID_WORKER, Role.GRID_LEAD, Role.VILLAGE_MEDIATOR,
			Role.BRAND_MEDIATION_ROOM, Role.POLICE_CHIEF, Role.COURT_CHIEF, Role.JUDICIAL_CHIEF,
			Role.TOWNSHIP_DISPATCHER, Role.COUNTY_CENTRE, Role.DEPARTMENT_OFFICER);

	Set<String> of(Actor actor) {
		Set<String> groups = new HashSet<>();
		if (actor.hasAny(Role.TOWNSHIP_DISPATCHER, Role.COUNTY_CENTRE)) {
			groups.add(DISPATCHER);
		}
		if (actor.hasAny(Role.COUNTY_CENTRE)) {
			groups.add(RETURN_VISIT);
			groups.add(GOVERNANCE_CENTRE);
		}
		if (actor.roles().stream().anyMatch(UNIT_MEMBERS::contains)) {
			groups.addAll(actor.orgCodes());
		}
		return Set.copyOf(groups);
	}

}
