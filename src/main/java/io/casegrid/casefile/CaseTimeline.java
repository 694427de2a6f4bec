package io.casegrid.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only timeline of cases ({@code case_event}); the database refuses updates and deletes. */
@Repository
class CaseTimeline {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	CaseTimeline(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Appends a line at the step the case is at, read in the same statement; empty when there is no such case (and
	 * nothing was written).
	 */
	Optional<CaseStep> append(UUID caseId, Instant at, String actor, TimelineNote note) {
		return jdbc.sql("""
				INSERT INTO case_event (case_id, occurred_at, type, step, actor, summary, details)
				SELECT id, :at, :type, step, :actor, :summary, CAST(:details AS jsonb) FROM case_file WHERE id = :caseId
				RETURNING step
				""")
			.param("caseId", caseId)
			.param("at", Timestamp.from(at))
			.param("type", note.type())
			.param("actor", actor)
			.param("summary", truncate(note.summary(), 1000))
			.param("details", write(note.details()))
			.query((rs, i) -> CaseStep.valueOf(rs.getString(1)))
			.optional();
	}

	List<TimelineEntry> of(UUID caseId) {
		return jdbc.sql("""
				SELECT id, occurred_at, type, step, actor, summary, details::text AS details
				  FROM case_event WHERE case_id = :caseId ORDER BY id
				""")
			.param("caseId", caseId)
			.query((rs, i) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("type"), rs.getString("step") == null ? null : CaseStep.valueOf(rs.getString("step")),
					rs.getString("actor"), rs.getString("summary"), read(rs.getString("details"))))
			.list();
	}

	/** The latest {@code max} entries of a case's timeline, oldest first. */
	List<TimelineEntry> latest(UUID caseId, int max) {
		List<TimelineEntry> entries = new java.util.ArrayList<>(jdbc.sql("""
				SELECT id, occurred_at, type, step, actor, summary, details::text AS details
				  FROM case_event WHERE case_id = :caseId ORDER BY id DESC LIMIT :max
				""")
			.param("caseId", caseId)
			.param("max", max)
			.query((rs, i) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("type"), rs.getString("step") == null ? null : CaseStep.valueOf(rs.getString("step")),
					rs.getString("actor"), rs.getString("summary"), read(rs.getString("details"))))
			.list());
		java.util.Collections.reverse(entries);
		return entries;
	}

	private String write(Map<String, String> details) {
		try {
			return json.writeValueAsString(details);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private Map<String, String> read(String details) {
		try {
			return json.readValue(details, DETAILS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
