package io.casegrid.worklist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.casegrid.security.Actor;
import io.casegrid.security.Role;

import org.springframework.stereotype.Component;

/**
 * The candidate groups someone belongs to: the role groups of the processes ({@code dispatcher}, {@code return-visit},
 * {@code governance-centre}, {@code county-centre}, {@code county-command}) by realm role, a unit's org code (a
 * handling unit, a response level, a whistled department) for the people of that unit, and whatever other features
 * declare ({@link CandidateGroupSource}). Which of those groups' tasks someone
 * actually gets is then limited by {@link io.casegrid.casefile.CaseVisibility}: a township dispatcher dispatches the
 * cases of their township only.
 */
@Component
class CandidateGroups {

	static final String DISPATCHER = "dispatcher";

	static final String RETURN_VISIT = "return-visit";

	static final String GOVERNANCE_CENTRE = "governance-centre";

	/** The county level of the three-level response ({@code casegrid.escalation.county-centre}). */
	static final String COUNTY_CENTRE = "county-centre";

	/** The county's command platform for emergencies (重大突发事件). */
	static final String COUNTY_COMMAND = "county-command";

	/** Roles whose holders work the tasks of their org unit (a task whose candidate group is the unit's code). */
	private static final Set<Role> UNIT_MEMBERS = Set.of(Role.GRID_WORKER, Role.GRID_LEAD, Role.VILLAGE_MEDIATOR,
			Role.BRAND_MEDIATION_ROOM, Role.POLICE_CHIEF, Role.COURT_CHIEF, Role.JUDICIAL_CHIEF,
			Role.TOWNSHIP_DISPATCHER, Role.COUNTY_CENTRE, Role.DEPARTMENT_OFFICER);

	private final List<CandidateGroupSource> sources;

	CandidateGroups(List<CandidateGroupSource> sources) {
		this.sources = sources;
	}

	Set<String> of(Actor actor) {
		Set<String> groups = new HashSet<>();
		if (actor.hasAny(Role.TOWNSHIP_DISPATCHER, Role.COUNTY_CENTRE)) {
			groups.add(DISPATCHER);
		}
		if (actor.hasAny(Role.COUNTY_CENTRE)) {
			groups.add(RETURN_VISIT);
			groups.add(GOVERNANCE_CENTRE);
			groups.add(COUNTY_CENTRE);
			groups.add(COUNTY_COMMAND);
		}
		if (actor.roles().stream().anyMatch(UNIT_MEMBERS::contains)) {
			groups.addAll(actor.orgCodes());
		}
		sources.forEach(source -> groups.addAll(source.groupsOf(actor)));
		return Set.copyOf(groups);
	}

}
