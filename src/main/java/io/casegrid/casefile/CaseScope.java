package io.casegrid.casefile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cases someone may see: those matching any of their grants, and — for an app — the cases it reported.
 *
 * @param reporter the actor whose own reports are visible, or null
 * @param grants the places and handling units whose cases are visible
 */
public record CaseScope(String reporter, List<Grant> grants) {

	/** The track of disputes (矛盾纠纷), the only cases mediators see. */
	public static final String DISPUTE_TRACK = "DISPUTE";

	public static final CaseScope NOTHING = new CaseScope(null, List.of());

	/**
	 * The timeline entries that call departments in, each naming them in {@code details.departments}: a whistle
	 * (吹哨, by a level or by triage) and a jurisdiction decision (确权) that hands the matter to another department.
	 */
	public static final List<String> DEPARTMENTS_CALLED_IN = List.of("WHISTLED", "JURISDICTION_CONFIRMED");

	private static final String CALLED_IN_OR_HANDLING = """
			case_file.handling_unit_code IN (:%1$s_handlers)
			 OR EXISTS (SELECT 1 FROM case_event called
			             WHERE called.case_id = case_file.id AND called.type IN (:%1$s_called_in)
			               AND EXISTS (SELECT 1
			                             FROM unnest(string_to_array(called.details ->> 'departments', ',')) AS d (code)
			                            WHERE d.code IN (:%1$s_handlers)))""";

	/** Where a case happened, at every level of the org tree (see {@link CaseLocation}). */
	private static final List<String> PLACE_COLUMNS = List.of("unit_code", "grid_code", "village_code",
			"township_code", "county_code");

	public CaseScope {
		grants = List.copyOf(grants);
	}

	/**
	 * Cases on a track (null: any track) that happened in one of {@code places} (at any level below it) or are
	 * handled by one of {@code handlers}: the case's handling unit, or a department called in (whistled, or named
	 * by 确权).
	 */
	public record Grant(String track, Set<String> places, Set<String> handlers) {

		public Grant {
			places = Set.copyOf(places);
			handlers = Set.copyOf(handlers);
		}

	}

	/**
	 * The scope as a SQL condition on {@code case_file} (unqualified column names), its parameters added to
	 * {@code params}. Shared by every query that lists cases or their tasks, so list and read agree.
	 */
	public String sql(Map<String, Object> params) {
		StringBuilder condition = new StringBuilder("(FALSE");
		for (int i = 0; i < grants.size(); i++) {
			Grant grant = grants.get(i);
			String where = where(grant, "scope_" + i, params);
			if (where != null) {
				condition.append("\n OR ").append(where);
			}
		}
		if (reporter != null) {
			condition.append("""

					 OR EXISTS (SELECT 1 FROM case_event reported
					            WHERE reported.case_id = case_file.id AND reported.type = 'REPORTED'
					              AND reported.actor = :scope_reporter)""");
			params.put("scope_reporter", reporter);
		}
		return condition.append(")").toString();
	}

	/**
	 * The scope as a SQL condition on an org unit ({@code unitColumn}), for what is about a unit rather than a case
	 * (a published monthly report): the unit is a granted place or lies below one, or is a granted handler (a
	 * department). A grant limited to a track (a mediator's disputes) gives no unit; nor does being a case's reporter.
	 */
	public String unitSql(String unitColumn, Map<String, Object> params) {
		StringBuilder condition = new StringBuilder("(FALSE");
		for (int i = 0; i < grants.size(); i++) {
			Grant grant = grants.get(i);
			if (grant.track() != null) {
				continue;
			}
			String name = "unit_scope_" + i;
			if (!grant.places().isEmpty()) {
				condition.append("""

						 OR EXISTS (WITH RECURSIVE above (code, parent_code) AS (
						              SELECT code, parent_code FROM org_unit WHERE code = %1$s
						              UNION ALL
						              SELECT o.code, o.parent_code FROM org_unit o JOIN above ON o.code = above.parent_code)
						            SELECT 1 FROM above WHERE above.code IN (:%2$s_places))""".formatted(unitColumn, name));
				params.put(name + "_places", grant.places());
			}
			if (!grant.handlers().isEmpty()) {
				condition.append("\n OR %s IN (:%s_handlers)".formatted(unitColumn, name));
				params.put(name + "_handlers", grant.handlers());
			}
		}
		return condition.append(")").toString();
	}

	private static String where(Grant grant, String name, Map<String, Object> params) {
		StringBuilder either = new StringBuilder();
		if (!grant.places().isEmpty()) {
			either.append(String.join(" OR ", PLACE_COLUMNS.stream()
				.map(column -> "case_file.%s IN (:%s_places)".formatted(column, name))
				.toList()));
			params.put(name + "_places", grant.places());
		}
		if (!grant.handlers().isEmpty()) {
			if (!either.isEmpty()) {
				either.append(" OR ");
			}
			// a department called in (吹哨报到, or 确权 to another department) works the case as much as the handling
			// unit does
			either.append(CALLED_IN_OR_HANDLING.formatted(name));
			params.put(name + "_handlers", grant.handlers());
			params.put(name + "_called_in", DEPARTMENTS_CALLED_IN);
		}
		if (either.isEmpty()) {
			return null;
		}
		if (grant.track() == null) {
			return "(" + either + ")";
		}
		params.put(name + "_track", grant.track());
		return "(case_file.track = :%s_track AND (%s))".formatted(name, either);
	}

}
