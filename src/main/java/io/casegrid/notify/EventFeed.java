package io.casegrid.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.casegrid.casefile.CaseScope;
import io.casegrid.events.EventPosition;
import io.casegrid.events.StoredEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the outbox in order, after a position, as far as it is settled: only events of transactions older than the
 * oldest one still running ({@code pg_snapshot_xmin}), so no event can later appear before one already read. The
 * change feed and the webhook fan-out read it the same way; both limit it to cases in a reader's {@link CaseScope},
 * and an event about a unit rather than a case (a published 专报) to the units the scope's places and handlers cover.
 */
@Repository
class EventFeed {

	private static final String SETTLED = "e.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

	private final JdbcClient jdbc;

	EventFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Events after {@code after} of the given types (any when empty) on cases within the scope, oldest first. */
	List<StoredEvent> after(EventPosition after, Set<String> types, CaseScope scope, int limit) {
		Map<String, Object> params = new HashMap<>();
		return read(after, types, within(scope, params), params, limit);
	}

	/**
	 * Events after {@code after} of the given types, whatever their case, oldest first: what the service itself
	 * acts on (the people dispatcher), not what a reader may see.
	 */
	List<StoredEvent> after(EventPosition after, Set<String> types, int limit) {
		return read(after, types, "TRUE", new HashMap<>(), limit);
	}

	private List<StoredEvent> read(EventPosition after, Set<String> types, String scope, Map<String, Object> params,
			int limit) {
		String sql = """
				SELECT e.tx, e.seq, e.id, e.type, e.schema_version, e.case_id, e.case_number, e.unit_code, e.occurred_at,
				       e.payload::text AS payload
				  FROM outbox_event e
				 WHERE (e.tx, e.seq) > (:tx, :seq) AND %s AND %s %s
				 ORDER BY e.tx, e.seq LIMIT :limit
				""".formatted(SETTLED, scope, types.isEmpty() ? "" : "AND e.type IN (:types)");
		params.put("tx", after.tx());
		params.put("seq", after.seq());
		params.put("limit", limit);
		if (!types.isEmpty()) {
			params.put("types", types);
		}
		return jdbc.sql(sql)
			.params(params)
			.query((rs, i) -> new StoredEvent(new EventPosition(rs.getLong("tx"), rs.getLong("seq")),
					rs.getObject("id", UUID.class), rs.getString("type"), rs.getInt("schema_version"),
					rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("unit_code"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")))
			.list();
	}

	/** An event on a case within the scope, or about a unit it covers. */
	private static String within(CaseScope scope, Map<String, Object> params) {
		return "((e.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM case_file WHERE case_file.id = e.case_id AND %s))"
			.formatted(scope.sql(params)) + "\n OR (e.case_id IS NULL AND %s))".formatted(scope.unitSql("e.unit_code", params));
	}

	/** Where a reader got to, which events matched, and how many it looked at. */
	record Stretch(EventPosition end, List<Long> matching, int read) {
	}

	/**
	 * The next at most {@code limit} settled events after {@code after}, whatever their case, and which of them are
	 * of the types and within the scope: a reader that sees few of the events still moves on.
	 */
	Stretch stretchAfter(EventPosition after, Set<String> types, CaseScope scope, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = """
				SELECT e.tx, e.seq,
				       (%s AND %s) AS matches
				  FROM (SELECT tx, seq, type, case_id, unit_code FROM outbox_event e
				         WHERE (e.tx, e.seq) > (:tx, :seq) AND %s
				         ORDER BY e.tx, e.seq LIMIT :limit) e
				 ORDER BY e.tx, e.seq
				""".formatted(types.isEmpty() ? "TRUE" : "e.type IN (:types)", within(scope, params), SETTLED);
		params.put("tx", after.tx());
		params.put("seq", after.seq());
		params.put("limit", limit);
		if (!types.isEmpty()) {
			params.put("types", types);
		}
		EventPosition[] end = { after };
		int[] read = { 0 };
		List<Long> matching = new ArrayList<>();
		jdbc.sql(sql).params(params).query(rs -> {
			read[0]++;
			end[0] = new EventPosition(rs.getLong("tx"), rs.getLong("seq"));
			if (rs.getBoolean("matches")) {
				matching.add(rs.getLong("seq"));
			}
		});
		return new Stretch(end[0], matching, read[0]);
	}

}
