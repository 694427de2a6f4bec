package io.casegrid.notify;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries of webhook messages: written by the fan-out, claimed by any node's poller with
 * {@code FOR UPDATE SKIP LOCKED} (so two nodes never send the same message at once), attempted outside any business
 * transaction, then marked delivered, retried after a back-off or dead-lettered.
 */
@Repository
class WebhookDeliveries {

	private static final String COLUMNS = """
			d.id, d.subscription_id, d.message_id, coalesce(e.type, '%s') AS event_type, d.status, d.attempts,
			d.first_due_at, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.delivered_at
			""".formatted(WebhookDelivery.TEST_EVENT_TYPE);

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Page(List<WebhookDelivery> items, long total) {
	}

	/** A message claimed for one attempt: where it goes, how it is signed and what it says. */
	record Claimed(long id, UUID messageId, UUID caseId, URI url, String secret, String body, int attempts,
			Instant firstDueAt) {
	}

	/** Queues the events (by outbox sequence) for the subscription, once each. */
	void queue(UUID subscriptionId, List<Long> eventSeqs) {
		for (Long seq : eventSeqs) {
			jdbc.sql("""
					INSERT INTO webhook_delivery (subscription_id, message_id, event_seq, status, first_due_at,
					                              next_attempt_at)
					SELECT :subscription, id, seq, 'PENDING', now(), now() FROM outbox_event WHERE seq = :seq
					ON CONFLICT (subscription_id, event_seq) DO NOTHING
					""").param("subscription", subscriptionId).param("seq", seq).update();
		}
	}

	/** Queues a test message (not an event: it has no case and no place in the change feed). */
	WebhookDelivery queueTest(UUID subscriptionId, UUID messageId, String body) {
		long id = jdbc.sql("""
				INSERT INTO webhook_delivery (subscription_id, message_id, test_payload, status, first_due_at,
				                              next_attempt_at)
				VALUES (:subscription, :message, :body, 'PENDING', now(), now()) RETURNING id
				""")
			.param("subscription", subscriptionId)
			.param("message", messageId)
			.param("body", body)
			.query(Long.class)
			.single();
		return get(subscriptionId, id);
	}

	/**
	 * Takes up to {@code limit} due deliveries for one attempt each: their next attempt moves a lease ahead, so that
	 * a node that dies while sending leaves them to another node afterwards (a retry with the same webhook-id).
	 */
	List<Claimed> claimDue(int limit, Duration lease) {
		return jdbc.sql("""
				WITH due AS (
				    SELECT id FROM webhook_delivery
				     WHERE status = 'PENDING' AND next_attempt_at <= clock_timestamp()
				     ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
				UPDATE webhook_delivery d
				   SET attempts = d.attempts + 1, last_attempt_at = clock_timestamp(),
				       next_attempt_at = clock_timestamp() + make_interval(secs => :lease)
				  FROM due WHERE d.id = due.id
				RETURNING d.id, d.subscription_id, d.message_id, d.event_seq, d.test_payload, d.attempts, d.first_due_at
				""")
			.param("limit", limit)
			.param("lease", (double) lease.toMillis() / 1000)
			.query((rs, i) -> new ClaimedRow(rs.getLong("id"), rs.getObject("subscription_id", UUID.class),
					rs.getObject("message_id", UUID.class), (Long) rs.getObject("event_seq"), rs.getString("test_payload"),
					rs.getInt("attempts"), rs.getTimestamp("first_due_at").toInstant()))
			.list()
			.stream()
			.sorted(Comparator.comparingLong(ClaimedRow::id))
			.map(this::withMessage)
			.filter(Objects::nonNull)
			.toList();
	}

	private record ClaimedRow(long id, UUID subscriptionId, UUID messageId, Long eventSeq, String testBody,
			int attempts, Instant firstDueAt) {
	}

	private Claimed withMessage(ClaimedRow row) {
		return jdbc.sql("""
				SELECT url, secret, CAST(:testBody AS text) AS test_body,
				       (SELECT e.case_id FROM outbox_event e WHERE e.seq = :seq) AS case_id,
				       (SELECT json_build_object('id', e.id, 'type', e.type, 'timestamp', e.occurred_at,
				                                 'schemaVersion', e.schema_version, 'sequence', e.seq,
				                                 'cursor', e.tx || '.' || e.seq, 'caseId', e.case_id,
				                                 'caseNumber', e.case_number, 'unitCode', e.unit_code, 'data', e.payload)::text
				          FROM outbox_event e WHERE e.seq = :seq) AS event_body
				  FROM webhook_subscription WHERE id = :subscription
				""")
			.param("testBody", row.testBody())
			.param("seq", row.eventSeq())
			.param("subscription", row.subscriptionId())
			.query((rs, i) -> new Claimed(row.id(), row.messageId(), rs.getObject("case_id", UUID.class),
					URI.create(rs.getString("url")),
					rs.getString("secret"), row.eventSeq() == null ? rs.getString("test_body") : rs.getString("event_body"),
					row.attempts(), row.firstDueAt()))
			.optional()
			.orElse(null);
	}

	void delivered(long id, int status) {
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = clock_timestamp(), last_status = :status,
				       last_error = NULL
				 WHERE id = :id AND status = 'PENDING'
				""").param("id", id).param("status", status).update();
	}

	/** A failed attempt: retried after {@code wait}, or dead-lettered once the retry period has passed. */
	void failed(long id, Integer status, String error, Duration wait, Duration retryPeriod) {
		jdbc.sql("""
				UPDATE webhook_delivery
				   SET last_status = :status, last_error = :error,
				       status = CASE WHEN clock_timestamp() >= first_due_at + make_interval(secs => :period)
				                     THEN 'DEAD' ELSE 'PENDING' END,
				       next_attempt_at = clock_timestamp() + make_interval(secs => :wait)
				 WHERE id = :id AND status = 'PENDING'
				""")
			.param("id", id)
			.param("status", status)
			.param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
			.param("wait", (double) wait.toMillis() / 1000)
			.param("period", (double) retryPeriod.toMillis() / 1000)
			.update();
	}

	/** The subscription's deliveries, newest first; only those in {@code status} when given. */
	Page log(UUID subscriptionId, String status, int page, int size) {
		String where = " WHERE d.subscription_id = :subscription" + (status == null ? "" : " AND d.status = :status");
		var params = new HashMap<String, Object>();
		params.put("subscription", subscriptionId);
		if (status != null) {
			params.put("status", status);
		}
		long total = jdbc.sql("SELECT count(*) FROM webhook_delivery d" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<WebhookDelivery> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_delivery d LEFT JOIN outbox_event e ON e.seq = d.event_seq" + where
					+ " ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(WebhookDeliveries::read)
			.list();
		return new Page(items, total);
	}

	WebhookDelivery get(UUID subscriptionId, long id) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_delivery d LEFT JOIN outbox_event e ON e.seq = d.event_seq"
					+ " WHERE d.id = :id AND d.subscription_id = :subscription")
			.param("id", id)
			.param("subscription", subscriptionId)
			.query(WebhookDeliveries::read)
			.optional()
			.orElseThrow(() -> new NotFoundException("Webhook delivery", id));
	}

	/** Sends a delivered or dead-lettered message again, now, with a new retry period; 409 while it is pending. */
	WebhookDelivery redeliver(UUID subscriptionId, long id) {
		WebhookDelivery delivery = get(subscriptionId, id);
		int updated = jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', first_due_at = now(), next_attempt_at = now(),
				       delivered_at = NULL
				 WHERE id = :id AND status <> 'PENDING'
				""").param("id", id).update();
		if (updated == 0) {
			throw new ConflictException("Webhook delivery " + id + " is still pending: it will be attempted at "
					+ delivery.nextAttemptAt());
		}
		return get(subscriptionId, id);
	}

	private static WebhookDelivery read(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getLong("id"), rs.getObject("subscription_id", UUID.class),
				rs.getObject("message_id", UUID.class), rs.getString("event_type"), rs.getString("status"),
				rs.getInt("attempts"), instant(rs.getTimestamp("first_due_at")), instant(rs.getTimestamp("next_attempt_at")),
				instant(rs.getTimestamp("last_attempt_at")), (Integer) rs.getObject("last_status"),
				rs.getString("last_error"), instant(rs.getTimestamp("delivered_at")));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
