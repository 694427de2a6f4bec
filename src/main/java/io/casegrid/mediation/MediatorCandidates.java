package io.casegrid.mediation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.worklist.CandidateGroupSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who takes the mediation tasks ({@link MediatorGroups}): a village mediator the committee tasks of their unit, the
 * three heads the opinions of their township, the township dispatcher (its governance centre) the joint decision,
 * and a brand mediation room's people the tasks of the rooms serving their unit.
 */
@Component
class MediatorCandidates implements CandidateGroupSource {

	private static final Map<Role, String> HEADS = Map.of(Role.POLICE_CHIEF, "police-chief:", Role.COURT_CHIEF,
			"court-chief:", Role.JUDICIAL_CHIEF, "judicial-chief:");

	private final JdbcClient jdbc;

	MediatorCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> groupsOf(Actor actor) {
		Set<String> groups = new HashSet<>();
		for (String unit : actor.orgCodes()) {
			if (actor.hasAny(Role.VILLAGE_MEDIATOR)) {
				groups.add(MediatorGroups.committee(unit));
			}
			if (actor.hasAny(Role.TOWNSHIP_DISPATCHER)) {
				groups.add(MediatorGroups.townshipCentre(unit));
			}
			HEADS.forEach((role, prefix) -> {
				if (actor.hasAny(role)) {
					groups.add(prefix + unit);
				}
			});
		}
		if (actor.hasAny(Role.BRAND_MEDIATION_ROOM) && !actor.orgCodes().isEmpty()) {
			jdbc.sql("SELECT code FROM brand_mediation_room WHERE serves_unit_code IN (:units)")
				.param("units", actor.orgCodes())
				.query(String.class)
				.list()
				.forEach(room -> groups.add(MediatorGroups.brandRoom(room)));
		}
		return groups;
	}

}
