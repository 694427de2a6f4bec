package io.casegrid.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers each idempotency key of a client with the hash of its request and the case it created. The row is
 * claimed before the case is created, in the same transaction: a concurrent request with the same key waits on the
 * row and then sees the committed case. Keys belong to the client that sent them (another client's same key is
 * another key) and expire: an expired row is taken over by the next request with its key, and intake deletes
 * expired rows a few at a time ({@link #deleteExpired}), which any number of nodes may do at once.
 */
@Repository
class IntakeRequests {

	/** How many expired keys one intake deletes at most. */
	static final int DELETE_BATCH = 50;

	record Seen(String requestHash, UUID caseId) {
	}

	private final JdbcClient jdbc;

	IntakeRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the client's key for a new case; false when the client used the key since {@code expiredBefore}.
	 */
	boolean claim(String owner, String key, String requestHash, UUID caseId, Instant at, Instant expiredBefore) {
		return jdbc.sql("""
				INSERT INTO intake_request (owner, idempotency_key, request_hash, case_id, received_at)
				VALUES (:owner, :key, :hash, :caseId, :at)
				ON CONFLICT (owner, idempotency_key) DO UPDATE
				   SET request_hash = EXCLUDED.request_hash, case_id = EXCLUDED.case_id,
				       received_at = EXCLUDED.received_at
				 WHERE intake_request.received_at < :expiredBefore
				""")
			.param("owner", owner)
			.param("key", key)
			.param("hash", requestHash)
			.param("caseId", caseId)
			.param("at", Timestamp.from(at))
			.param("expiredBefore", Timestamp.from(expiredBefore))
			.update() == 1;
	}

	Optional<Seen> find(String owner, String key) {
		return jdbc.sql("SELECT request_hash, case_id FROM intake_request WHERE owner = :owner AND idempotency_key = :key")
			.param("owner", owner)
			.param("key", key)
			.query((rs, i) -> new Seen(rs.getString("request_hash"), rs.getObject("case_id", UUID.class)))
			.optional();
	}

	/** Deletes up to {@link #DELETE_BATCH} keys received before {@code expiredBefore}, skipping rows others hold. */
	int deleteExpired(Instant expiredBefore) {
		return jdbc.sql("""
				DELETE FROM intake_request WHERE ctid IN (
				    SELECT ctid FROM intake_request WHERE received_at < :expiredBefore
				     LIMIT :batch FOR UPDATE SKIP LOCKED)
				""")
			.param("expiredBefore", Timestamp.from(expiredBefore))
			.param("batch", DELETE_BATCH)
			.update();
	}

}
