package io.casegrid.whistle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.casefile.TimeSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code whistle}: a row per whistle, written in the transaction that records it on the case. */
@Repository
public class WhistleRecords {

	private final JdbcClient jdbc;

	private final TimeSource time;

	WhistleRecords(JdbcClient jdbc, TimeSource time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	WhistleRecord add(UUID caseId, String blownBy, String blownByUnit, WhistleSource source, boolean requested,
			List<String> departments, String lead) {
		WhistleRecord whistle = new WhistleRecord(UUID.randomUUID(), caseId, time.now(), blownBy, blownByUnit, source,
				requested, List.copyOf(departments), lead, null, null, null, null);
		jdbc.sql("""
				INSERT INTO whistle (id, case_id, blown_at, blown_by, blown_by_unit, source, requested, departments,
				                     lead_department)
				VALUES (:id, :caseId, :blownAt, :blownBy, :blownByUnit, :source, :requested, :departments, :lead)
				""")
			.param("id", whistle.id())
			.param("caseId", caseId)
			.param("blownAt", Timestamp.from(whistle.blownAt()))
			.param("blownBy", blownBy)
			.param("blownByUnit", blownByUnit)
			.param("source", source.name())
			.param("requested", requested)
			.param("departments", String.join(",", departments))
			.param("lead", lead)
			.update();
		return whistle;
	}

	/** The whistles of a case, oldest first. */
	public List<WhistleRecord> ofCase(UUID caseId) {
		return ofCase(caseId, 0, Integer.MAX_VALUE);
	}

	/** One page of the whistles of a case, oldest first. */
	List<WhistleRecord> ofCase(UUID caseId, int page, int size) {
		return jdbc.sql("SELECT * FROM whistle WHERE case_id = :caseId ORDER BY blown_at, id LIMIT :size OFFSET :offset")
			.param("caseId", caseId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(WhistleRecords::row)
			.list();
	}

	long countOfCase(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM whistle WHERE case_id = :caseId")
			.param("caseId", caseId)
			.query(Long.class)
			.single();
	}

	Optional<WhistleRecord> find(UUID id) {
		return jdbc.sql("SELECT * FROM whistle WHERE id = :id").param("id", id).query(WhistleRecords::row).optional();
	}

	/** Records the judgement unless the whistle has one already: false then. */
	boolean judge(UUID id, WhistleRecord.Judgement judgement, String reason, String judgedBy) {
		return jdbc.sql("""
				UPDATE whistle SET judgement = :judgement, judgement_reason = :reason, judged_by = :judgedBy,
				                   judged_at = :judgedAt
				WHERE id = :id AND judgement IS NULL
				""")
			.param("id", id)
			.param("judgement", judgement.name())
			.param("reason", reason)
			.param("judgedBy", judgedBy)
			.param("judgedAt", Timestamp.from(time.now()))
			.update() == 1;
	}

	private static WhistleRecord row(ResultSet rs, int i) throws SQLException {
		Timestamp judgedAt = rs.getTimestamp("judged_at");
		String judgement = rs.getString("judgement");
		return new WhistleRecord(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getTimestamp("blown_at").toInstant(), rs.getString("blown_by"), rs.getString("blown_by_unit"),
				WhistleSource.valueOf(rs.getString("source")), rs.getBoolean("requested"),
				Arrays.asList(rs.getString("departments").split(",")), rs.getString("lead_department"),
				judgement == null ? null : WhistleRecord.Judgement.valueOf(judgement), rs.getString("judgement_reason"),
				rs.getString("judged_by"), judgedAt == null ? null : judgedAt.toInstant());
	}

}
