package io.casegrid;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * PostgreSQL's plan for a statement with sequential scans priced out ({@code enable_seqscan = off}), so that whether
 * an index can answer it shows whatever the size of the test database.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	public static String plan(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET enable_seqscan = off");
			try {
				List<String> lines = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
					while (rows.next()) {
						lines.add(rows.getString(1));
					}
				}
				return String.join("\n", lines);
			}
			finally {
				statement.execute("RESET enable_seqscan");
			}
		}
	}

}
