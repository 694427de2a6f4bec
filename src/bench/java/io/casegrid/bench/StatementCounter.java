package io.casegrid.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
				SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
				  FROM pg_stat_statements
				 WHERE query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%' || :excluding || '%'
				 ORDER BY calls DESC""").param("excluding", excluding).query().listOfRows();
		long total = rows.stream().mapToLong(row -> ((Number) row.get("calls")).longValue()).sum();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("operations", operations);
		result.put("statements", total);
		result.put("perOperation", operations == 0 ? 0 : Math.round(total * 10.0 / operations) / 10.0);
		result.put("top", rows.stream().limit(top).toList());
		return result;
	}

	Object perOperation(int operations, RawEngineAnchor.IntOperation operation) throws Exception {
		reset();
		for (int i = 0; i < operations; i++) {
			operation.run(i);
		}
		return sinceReset(operations);
	}

}
