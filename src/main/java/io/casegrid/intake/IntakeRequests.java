package io.casegrid.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers each idempotency key with the hash of its request and the case it created. The row is claimed before
 * the case is created, in the same transaction: a concurrent request with the same key waits on the row and then
 * sees the committed case.
 */
@Repository
class IntakeRequests {

	record Seen(String requestHash, UUID caseId) {
	}

	private final JdbcClient jdbc;

	IntakeRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the key for a new case; false when the key was already used. */
	boolean claim(String key, String requestHash, UUID caseId, Instant at) {
		return jdbc.sql("""
				INSERT INTO intake_request (idempotency_key, request_hash, case_id, received_at)
				VALUES (:key, :hash, :caseId, :at) ON CONFLICT (idempotency_key) DO NOTHING
				""")
			.param("key", key)
			.param("hash", requestHash)
			.param("caseId", caseId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Seen> find(String key) {
		return jdbc.sql("SELECT request_hash, case_id FROM intake_request WHERE idempotency_key = :key")
			.param("key", key)
			.query((rs, i) -> new Seen(rs.getString("request_hash"), rs.getObject("case_id", UUID.class)))
			.optional();
	}

}
