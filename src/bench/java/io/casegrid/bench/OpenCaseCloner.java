package io.casegrid.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.casegrid.reports.DailyRollups;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads many open cases fast: it copies real template cases — taken in through the API and carried by the engine to
 * their handling task — row by row inside PostgreSQL, with their case file, timeline, SLA clocks and every runtime
 * row of their process instances (executions, tasks, candidate links, variables, timer jobs, event subscriptions).
 * Each copy gets its own ids, consistently in every row that refers to them, so the engine can go on with a copy as
 * with the original: complete its task, fire its timers. An engine id (a time-based UUID, possibly behind an activity
 * id) keeps its time part and gets the copy number as its last eight hex digits; a case id becomes
 * {@code md5(case id || ':' || copy number)}. Copies are spread back in time (all times but the timers'
 * due dates move back by up to {@code spreadMinutes}) so that worklists, due dates and at-risk boards are mixed.
 * Camunda's history rows are not copied: the queries measured do not read them, a county's history is bounded by its
 * history time to live, and the engine only inserts or updates history rows without counting them. The work-item
 * projection is not copied either: it is filled afterwards from the copied runtime rows by the same statement that
 * back-fills an existing database (V26), so the copies' worklist rows are what the product would have written.
 * <p>
 * Copies either stay where their template happened (the crowded worst case: every copy in a few demo grids) or are
 * spread over the {@link SyntheticCounty}'s 300 grids ({@code spread=true}): in every column of every copied row, the
 * template's grid, village and township codes become those of grid {@code n mod 300} — case file, clocks, candidate
 * groups, process variables alike, so an escalation of a copy goes to its own township.
 */
@Component
@Profile("bench")
class OpenCaseCloner {

	/** Camunda runtime tables copied, in foreign-key order, with the rows that belong to one case's instances. */
	private static final List<String[]> ENGINE_TABLES = List.of(
			new String[] { "act_ge_bytearray",
					"id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN (SELECT id_ FROM pis))" },
			new String[] { "act_ru_execution", "proc_inst_id_ IN (SELECT id_ FROM pis)" },
			new String[] { "act_ru_task", "proc_inst_id_ IN (SELECT id_ FROM pis)" },
			new String[] { "act_ru_identitylink",
					"task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (SELECT id_ FROM pis))" },
			new String[] { "act_ru_variable", "proc_inst_id_ IN (SELECT id_ FROM pis)" },
			new String[] { "act_ru_job", "process_instance_id_ IN (SELECT id_ FROM pis)" },
			new String[] { "act_ru_event_subscr", "proc_inst_id_ IN (SELECT id_ FROM pis)" });

	/** casegrid tables copied after the engine's, with the rows of one case ({@code :caseId}). */
	private static final List<String[]> CASE_TABLES = List.of(new String[] { "case_file", "id = :caseId" },
			new String[] { "case_attachment", "case_id = :caseId" },
			new String[] { "case_event", "case_id = :caseId" },
			new String[] { "sla_clock", "case_id = :caseId" },
			new String[] { "sla_clock_event", "sla_clock IN (SELECT id FROM sla_clock WHERE case_id = :caseId)" },
			new String[] { "sla_clock_pause", "sla_clock IN (SELECT id FROM sla_clock WHERE case_id = :caseId)" },
			new String[] { "escalation", "case_id = :caseId" },
			new String[] { "supervision_order", "case_id = :caseId" });

	/** Columns that must stay unique but are neither ids nor case ids: a copy number is appended. */
	private static final Set<String> NUMBERED = Set.of("case_number", "channel_reference");

	/** Timer due dates keep their time so that copies do not fire during the benchmark. */
	private static final Set<String> UNSHIFTED = Set.of("act_ru_job.duedate_", "act_ru_job.lock_exp_time_");

	private final JdbcClient jdbc;

	/** The reports' daily roll-ups, made for the loaded days as the service makes them for a report. */
	private final DailyRollups rollups;

	private final TransactionTemplate transaction;

	private final WorkItemBackFill backFill;

	OpenCaseCloner(JdbcClient jdbc, TransactionTemplate transaction, WorkItemBackFill backFill, DailyRollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.transaction = transaction;
		this.backFill = backFill;
	}

	/**
	 * Makes {@code copies} copies in all, round-robin over the template cases (open cases whose channel reference
	 * starts with {@code templatePrefix}), in transactions of at most {@code batch} copies of one template.
	 */
	Map<String, Object> cloneOpenCases(String templatePrefix, String township, int copies, int firstCopy,
			boolean spread, int spreadMinutes, int batch) {
		List<UUID> templates = jdbc.sql("""
				SELECT id FROM case_file
				 WHERE channel_reference LIKE :prefix AND step <> 'ARCHIVED'
				   AND (CAST(:township AS varchar) IS NULL OR township_code = :township)
				 ORDER BY case_number""")
			.param("prefix", templatePrefix + "%")
			.param("township", township)
			.query(UUID.class)
			.list();
		if (templates.isEmpty()) {
			throw new IllegalStateException("no open template cases with channel reference " + templatePrefix + "*");
		}
		long began = System.nanoTime();
		int perTemplate = (copies + templates.size() - 1) / templates.size();
		// one INSERT … SELECT per table, built once from the table's columns
		Map<String, String> inserts = new LinkedHashMap<>();
		for (String[] table : ENGINE_TABLES) {
			inserts.put(table[0], insertCopies(table[0], table[1], spreadMinutes, spread));
		}
		for (String[] table : CASE_TABLES) {
			inserts.put(table[0], insertCopies(table[0], table[1], spreadMinutes, spread));
		}
		long rows = 0;
		int made = 0;
		// copy numbers are unique across templates so that numbered columns never collide
		int number = firstCopy;
		for (UUID template : templates) {
			int wanted = Math.min(perTemplate, copies - made);
			for (int from = 0; from < wanted; from += batch) {
				int first = number + from;
				int last = number + Math.min(from + batch, wanted) - 1;
				rows += transaction.execute(status -> copy(template, first, last, spread, inserts.values()));
			}
			number += wanted;
			made += wanted;
		}
		long projected = System.nanoTime();
		backFill.run();
		double projectionSeconds = Math.round((System.nanoTime() - projected) / 1e8) / 10.0;
		jdbc.sql("ANALYZE").update();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("templates", templates.size());
		result.put("copies", made);
		result.put("rows", rows);
		result.put("spreadOverSyntheticCounty", spread);
		result.put("workItemProjectionSeconds", projectionSeconds);
		result.put("seconds", Math.round((System.nanoTime() - began) / 1e8) / 10.0);
		long rolling = System.nanoTime();
		result.put("reportDaysRolledUp", rollups.rollUpAll());
		result.put("reportRollUpSeconds", Math.round((System.nanoTime() - rolling) / 1e8) / 10.0);
		return result;
	}

	private long copy(UUID caseId, int first, int last, boolean spread, java.util.Collection<String> inserts) {
		String root = jdbc.sql("""
				SELECT id_ FROM act_ru_execution
				 WHERE business_key_ = :caseId AND id_ = root_proc_inst_id_""")
			.param("caseId", caseId.toString())
			.query(String.class)
			.single();
		jdbc.sql("CREATE TEMP TABLE pis ON COMMIT DROP AS SELECT DISTINCT proc_inst_id_ AS id_ FROM act_ru_execution"
				+ " WHERE root_proc_inst_id_ = :root")
			.param("root", root)
			.update();
		jdbc.sql("CREATE TEMP TABLE clone_ids (id varchar(255) PRIMARY KEY) ON COMMIT DROP").update();
		for (String[] table : ENGINE_TABLES) {
			jdbc.sql("INSERT INTO clone_ids SELECT id_ FROM " + table[0] + " WHERE " + table[1]
					+ " ON CONFLICT DO NOTHING").update();
		}
		jdbc.sql("INSERT INTO clone_ids SELECT act_inst_id_ FROM act_ru_execution WHERE proc_inst_id_ IN"
				+ " (SELECT id_ FROM pis) AND act_inst_id_ IS NOT NULL ON CONFLICT DO NOTHING").update();
		jdbc.sql("ANALYZE clone_ids").update();
		Map<String, Object> place = jdbc.sql("SELECT grid_code, village_code, township_code FROM case_file WHERE id = :id")
			.param("id", caseId)
			.query()
			.singleRow();
		int places = 0;
		if (spread) {
			jdbc.sql("CREATE TEMP TABLE clone_place ON COMMIT DROP AS " + SyntheticCounty.GRIDS).update();
			jdbc.sql("ALTER TABLE clone_place ADD PRIMARY KEY (i)").update();
			places = jdbc.sql("SELECT count(*) FROM clone_place").query(Integer.class).single();
		}
		long rows = 0;
		for (String insert : inserts) {
			rows += jdbc.sql(insert)
				.param("caseId", caseId)
				.param("caseText", caseId.toString())
				.param("first", first)
				.param("last", last)
				.param("grid", place.get("grid_code"))
				.param("village", place.get("village_code"))
				.param("township", place.get("township_code"))
				.param("places", Math.max(places, 1))
				.update();
		}
		return rows;
	}

	private String insertCopies(String table, String belongs, int spreadMinutes, boolean spread) {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (Map<String, Object> column : jdbc.sql("""
				SELECT column_name, data_type, column_default FROM information_schema.columns
				 WHERE table_schema = current_schema() AND table_name = :table ORDER BY ordinal_position""")
			.param("table", table)
			.query()
			.listOfRows()) {
			String name = (String) column.get("column_name");
			String type = (String) column.get("data_type");
			Object defaultValue = column.get("column_default");
			if (defaultValue != null && defaultValue.toString().startsWith("nextval(")) {
				continue;
			}
			columns.add(name);
			values.add(valueOf(table, name, type, spreadMinutes, spread));
		}
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
				+ " FROM " + table + " t, generate_series(:first, :last) AS g(n) WHERE " + belongs;
	}

	/** The template's place codes, in any text column, become those of the copy's grid in the synthetic county. */
	private static String relocated(String column) {
		StringBuilder branches = new StringBuilder();
		for (String level : List.of("grid", "village", "township")) {
			branches.append(" WHEN " + column + " = :" + level + " THEN (SELECT " + level
					+ " FROM clone_place WHERE i = g.n % :places)");
		}
		return branches.toString();
	}

	private static String valueOf(String table, String name, String type, int spreadMinutes, boolean spread) {
		String column = "t." + name;
		if (NUMBERED.contains(name)) {
			return column + " || '-' || g.n";
		}
		return switch (type) {
			case "uuid" -> "md5(" + column + "::text || ':' || g.n)::uuid";
			case "character varying", "text" -> "CASE WHEN " + column + " IS NULL THEN NULL"
					+ " WHEN " + column + " = :caseText THEN md5(:caseText || ':' || g.n)::uuid::text"
					+ " WHEN " + column + " IN (SELECT id FROM clone_ids)"
					// the engine's time-based ids end in the node id (…00000001): copy numbers start at 0x10000000
					+ " THEN left(" + column + ", length(" + column + ") - 8) || to_hex(g.n + 268435456)"
					+ (spread ? relocated(column) : "")
					+ " ELSE " + column + " END";
			case "timestamp without time zone", "timestamp with time zone" ->
				UNSHIFTED.contains(table + "." + name) ? column
						: column + " - ((g.n * 7919) % " + spreadMinutes + ") * interval '1 minute'";
			default -> column;
		};
	}

}
