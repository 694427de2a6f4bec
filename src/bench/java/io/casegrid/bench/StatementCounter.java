package io.casegrid.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements an operation costs with {@code pg_stat_statements} (loaded by the bench's embedded
 * PostgreSQL settings). The job executor's acquisition polls run meanwhile; the benchmark keeps the counting windows
 * short and reports the statements themselves so that they can be told apart.
 */
@Component
@Profile("bench")
class StatementCounter {

	private final JdbcClient jdbc;

	StatementCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void reset() {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
	}

	/** Statements executed since the last reset, most frequent first, without the counter's own. */
	Map<String, Object> sinceReset(int operations) {
		return sinceReset(operations, "pg_stat_statements", 25);
	}

	/**
	 * The same, also without statements that name {@code excluding} (e.g. the benchmark's own bookkeeping table), with
	 * the {@code top} most frequent.
	 */
	Map<String, Object> sinceReset(int operations, String excluding, int top) {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') AS query
				  FROM pg_stat_statements
				 WHERE query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%' || :excluding || '%'
				 ORDER BY calls DESC""").param("excluding", excluding).query().listOfRows();
		long total = rows.stream().mapToLong(row -> ((Number) row.get("calls")).longValue()).sum();
		Map<String, Long> byTable = new TreeMap<>();
		for (Map<String, Object> row : rows) {
			byTable.merge(kindAndTable((String) row.get("query")), ((Number) row.get("calls")).longValue(), Long::sum);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("operations", operations);
		result.put("statements", total);
		result.put("perOperation", perOperation(total, operations));
		Map<String, Object> perTable = new LinkedHashMap<>();
		byTable.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(entry -> perTable.put(entry.getKey(), perOperation(entry.getValue(), operations)));
		result.put("perOperationByTable", perTable);
		result.put("top", rows.stream()
			.limit(top)
			.map(row -> Map.of("calls", row.get("calls"), "query", abbreviated((String) row.get("query"))))
			.toList());
		return result;
	}

	private static double perOperation(long statements, int operations) {
		return operations == 0 ? 0 : Math.round(statements * 10.0 / operations) / 10.0;
	}

	private static String abbreviated(String query) {
		return query.length() <= 140 ? query : query.substring(0, 140);
	}

	/**
	 * "insert act_hi_varinst", "select act_ru_execution", "begin", …: the statement's kind and the first table it
	 * writes or reads, so that a case's statements can be told apart by table.
	 */
	static String kindAndTable(String query) {
		String text = query.strip().toLowerCase(Locale.ROOT);
		String kind = text.split("[\\s(;]", 2)[0];
		Matcher table = switch (kind) {
			case "insert" -> INSERT_INTO.matcher(text);
			case "update" -> UPDATE.matcher(text);
			case "delete" -> DELETE_FROM.matcher(text);
			case "select", "with" -> FROM.matcher(text);
			default -> null;
		};
		return table != null && table.find() ? kind + " " + table.group(1) : kind;
	}

	private static final Pattern INSERT_INTO = Pattern.compile("^insert\\s+into\\s+([a-z0-9_.\"]+)");

	private static final Pattern UPDATE = Pattern.compile("^update\\s+([a-z0-9_.\"]+)");

	private static final Pattern DELETE_FROM = Pattern.compile("^delete\\s+from\\s+([a-z0-9_.\"]+)");

	private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([a-z0-9_.\"]+)");

	Object perOperation(int operations, RawEngineAnchor.IntOperation operation) throws Exception {
		reset();
		for (int i = 0; i < operations; i++) {
			operation.run(i);
		}
		return sinceReset(operations);
	}

}
