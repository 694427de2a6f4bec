package io.casegrid.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who sees which case: authorization by place. A grid worker sees the cases of their grid, a grid lead of their
 * village, a township dispatcher of the township, the county centre, supervisors, auditors and administrators of
 * the county — each also the cases their unit handles. A village mediator, the brand mediation room and the three
 * heads see the disputes of their place. A department officer sees the cases dispatched or whistled (吹哨报到) to the
 * department, or handed to it by 确权. An app sees the cases it reported. Anything else is not found, as if it did not exist.
 */
@Service
public class CaseVisibility {

	private static final Set<Role> BY_PLACE = Set.of(Role.GRID_WORKER, Role.GRID_LEAD, Role.TOWNSHIP_DISPATCHER,
			Role.COUNTY_CENTRE, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN);

	private static final Set<Role> DISPUTES_BY_PLACE = Set.of(Role.VILLAGE_MEDIATOR, Role.BRAND_MEDIATION_ROOM,
			Role.POLICE_CHIEF, Role.COURT_CHIEF, Role.JUDICIAL_CHIEF);

	private static final Set<Role> BY_HANDLING_UNIT = Set.of(Role.DEPARTMENT_OFFICER);

	private static final Set<Role> OWN_REPORTS = Set.of(Role.CASE_REPORTER, Role.FEEDBACK_CHANNEL);

	private final JdbcClient jdbc;

	CaseVisibility(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CaseScope scopeOf(Actor actor) {
		Set<String> units = actor.orgCodes();
		List<CaseScope.Grant> grants = new ArrayList<>();
		if (actor.roles().stream().anyMatch(BY_PLACE::contains)) {
			grants.add(new CaseScope.Grant(null, units, units));
		}
		if (actor.roles().stream().anyMatch(DISPUTES_BY_PLACE::contains)) {
			grants.add(new CaseScope.Grant(CaseScope.DISPUTE_TRACK, units, units));
		}
		if (actor.roles().stream().anyMatch(BY_HANDLING_UNIT::contains)) {
			grants.add(new CaseScope.Grant(null, Set.of(), units));
		}
		String reporter = actor.roles().stream().anyMatch(OWN_REPORTS::contains) ? actor.id() : null;
		return new CaseScope(reporter, grants);
	}

	public boolean isVisible(UUID caseId, Actor actor) {
		Map<String, Object> params = new HashMap<>();
		String scope = scopeOf(actor).sql(params);
		params.put("id", caseId);
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_file WHERE case_file.id = :id AND " + scope + ")")
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/** Whether the actor (a person or an app) reported the case. */
	public boolean reportedBy(UUID caseId, Actor actor) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM case_event
				                WHERE case_id = :id AND type = 'REPORTED' AND actor = :actor)""")
			.param("id", caseId)
			.param("actor", actor.id())
			.query(Boolean.class)
			.single();
	}

	/** Fails with 404 — the same answer as for a case that does not exist — unless the actor may see the case. */
	public void requireVisible(UUID caseId, Actor actor) {
		if (!isVisible(caseId, actor)) {
			throw new NotFoundException("Case", caseId);
		}
	}

}
