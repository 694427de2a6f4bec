package io.casegrid.whistle;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
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
				requested, List.copyOf(departments), lead, null);
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
		return jdbc.sql("SELECT * FROM whistle WHERE case_id = :caseId ORDER BY blown_at, id")
			.param("caseId", caseId)
			.query((rs, i) -> new WhistleRecord(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					rs.getTimestamp("blown_at").toInstant(), rs.getString("blown_by"), rs.getString("blown_by_unit"),
					WhistleSource.valueOf(rs.getString("source")), rs.getBoolean("requested"),
					Arrays.asList(rs.getString("departments").split(",")), rs.getString("lead_department"),
					rs.getString("judgement")))
			.list();
	}

}
