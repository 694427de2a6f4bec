package io.casegrid.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cheap fingerprint of what a request could change: row count and a hash of every row of the service's tables and
 * of the engine's runtime and history of process instances. Jobs are counted by id only, as the job executor rewrites
 * their locks all the time.
 */
final class DatabaseFingerprint {

	/** Every table of {@code db/migration} that requests write to, and the engine tables a process change touches. */
	private static final List<String> ROW_HASHED = List.of("case_file", "case_attachment", "case_event",
			"intake_request", "mediation", "mediation_session", "mediation_opinion", "mediation_agreement", "sla_clock",
			"sla_clock_pause", "sla_clock_event", "escalation", "supervision_order", "org_unit", "category", "resident",
			"calendar_override", "calendar_override_change", "brand_mediation_room", "act_ru_execution", "act_ru_task", "act_ru_variable",
			"act_hi_procinst");

	private final JdbcClient jdbc;

	private final String query;

	private long nanos;

	DatabaseFingerprint(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.query = ROW_HASHED.stream()
			.map(table -> "SELECT '" + table + "' AS name, count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0)"
					+ " AS print FROM " + table + " t")
			.collect(Collectors.joining(" UNION ALL ", "",
					" UNION ALL SELECT 'act_ru_job', count(*) || ':' || coalesce(sum(hashtext(id_)::bigint), 0)"
							+ " FROM act_ru_job"));
	}

	Map<String, String> take() {
		long started = System.nanoTime();
		Map<String, String> prints = new LinkedHashMap<>();
		jdbc.sql(query).query((rs, n) -> prints.put(rs.getString("name"), rs.getString("print"))).list();
		nanos += System.nanoTime() - started;
		return prints;
	}

	/** How long the fingerprints took so far. */
	double seconds() {
		return nanos / 1e9;
	}

	/** The tables whose fingerprint differs, with before → after. */
	static Map<String, String> changes(Map<String, String> before, Map<String, String> after) {
		Map<String, String> changed = new LinkedHashMap<>();
		before.forEach((table, print) -> {
			if (!print.equals(after.get(table))) {
				changed.put(table, print + " → " + after.get(table));
			}
		});
		return changed;
	}

}
