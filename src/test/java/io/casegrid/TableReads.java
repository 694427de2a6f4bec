package io.casegrid;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often the current transaction has read a table so far: its sequential plus index scans, as PostgreSQL counts
 * them per transaction ({@code pg_stat_xact_user_tables}). Call it inside the transaction under test: a read that
 * adds nothing to the count did not reach the database.
 */
public final class TableReads {

	private TableReads() {
	}

	public static long of(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
				 WHERE relname = :table AND schemaname = current_schema()
				""").param("table", table).query(Long.class).single();
	}

}
