package io.casegrid.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes domain events into the outbox ({@code outbox_event}). It joins the caller's transaction and refuses to run
 * without one: an event exists exactly when the change that caused it committed. Nothing is sent from here; the
 * webhook poller and the change feed read the table after commit.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	Outbox(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records that {@code type} happened to the case at {@code at}; the case's number and unit are taken from the
	 * case file as the transaction sees it.
	 *
	 * @return the event's stable id (an app's {@code webhook-id})
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(EventType type, UUID caseId, Instant at, Map<String, ?> payload) {
		UUID id = UUID.randomUUID();
		int written = jdbc.sql("""
				INSERT INTO outbox_event (id, type, schema_version, case_id, case_number, unit_code, occurred_at, payload)
				SELECT :id, :type, :version, id, case_number, unit_code, :at, CAST(:payload AS jsonb)
				  FROM case_file WHERE id = :caseId
				""")
			.param("id", id)
			.param("type", type.wireName())
			.param("version", type.schemaVersion())
			.param("caseId", caseId)
			.param("at", Timestamp.from(at))
			.param("payload", write(payload))
			.update();
		if (written != 1) {
			throw new IllegalStateException("No case " + caseId + " for event " + type.wireName());
		}
		return id;
	}

	/**
	 * Records that {@code type} happened to a unit rather than a case (a published 专报): no case, the unit's code.
	 *
	 * @return the event's stable id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID recordForUnit(EventType type, String unitCode, Instant at, Map<String, ?> payload) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO outbox_event (id, type, schema_version, unit_code, occurred_at, payload)
				VALUES (:id, :type, :version, :unit, :at, CAST(:payload AS jsonb))
				""")
			.param("id", id)
			.param("type", type.wireName())
			.param("version", type.schemaVersion())
			.param("unit", unitCode)
			.param("at", Timestamp.from(at))
			.param("payload", write(payload))
			.update();
		return id;
	}

	private String write(Map<String, ?> payload) {
		try {
			return json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
