package io.casegrid;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records, with triggers, which UPDATE and DELETE statements touch the rows of a table: for tests of what a change
 * writes. {@link #watchColumns} fires only when an UPDATE names one of the columns (whatever their values), so it
 * tells a targeted update from a whole-row rewrite. Close it to drop the triggers again.
 */
public final class RowWrites implements AutoCloseable {

	private final JdbcClient jdbc;

	private final List<String> triggers = new ArrayList<>();

	private RowWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static RowWrites record(JdbcClient jdbc) {
		jdbc.sql("CREATE TABLE test_row_write (row_key text NOT NULL, what text NOT NULL)").update();
		jdbc.sql("""
				CREATE FUNCTION test_record_row_write() RETURNS trigger AS $$
				DECLARE
				    written jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
				BEGIN
				    INSERT INTO test_row_write VALUES (written ->> TG_ARGV[1], TG_ARGV[0] || ' ' || lower(TG_OP));
				    RETURN NULL;
				END;
				$$ LANGUAGE plpgsql""").update();
		return new RowWrites(jdbc);
	}

	/** Records every UPDATE and DELETE of a row of {@code table} as "{label} update|delete", by {@code keyColumn}. */
	public RowWrites watch(String table, String keyColumn, String label) {
		return trigger(table, "UPDATE OR DELETE", keyColumn, label);
	}

	/** Records an UPDATE of a row of {@code table} that names one of {@code columns}. */
	public RowWrites watchColumns(String table, String keyColumn, String label, String... columns) {
		return trigger(table, "UPDATE OF " + String.join(", ", columns), keyColumn, label);
	}

	private RowWrites trigger(String table, String events, String keyColumn, String label) {
		String name = "test_row_write_" + triggers.size();
		jdbc.sql("CREATE TRIGGER " + name + " AFTER " + events + " ON " + table
				+ " FOR EACH ROW EXECUTE FUNCTION test_record_row_write('" + label + "', '" + keyColumn + "')").update();
		triggers.add(name + " ON " + table);
		return this;
	}

	/** What was recorded for the rows with this key, in alphabetical order. */
	public List<String> of(Object key) {
		return jdbc.sql("SELECT what FROM test_row_write WHERE row_key = :key ORDER BY what")
			.param("key", key.toString())
			.query(String.class)
			.list();
	}

	/** The physical version of each row a query returns by key (xmin, ctid): a rewritten row has another. */
	public List<String> rowVersions(String table, String keyColumn, Object key) {
		return jdbc.sql("SELECT xmin::text || ':' || ctid::text FROM " + table + " WHERE " + keyColumn
				+ "::text = :key ORDER BY ctid")
			.param("key", key.toString())
			.query(String.class)
			.list();
	}

	@Override
	public void close() {
		triggers.forEach(trigger -> jdbc.sql("DROP TRIGGER " + trigger).update());
		jdbc.sql("DROP FUNCTION test_record_row_write()").update();
		jdbc.sql("DROP TABLE test_row_write").update();
	}

}
