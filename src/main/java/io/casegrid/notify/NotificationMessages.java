package io.casegrid.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.events.EventPosition;
import io.casegrid.events.StoredEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages to people ({@code notification_message}) and how far the outbox has been turned into them
 * ({@code notification_cursor}). Written once per event, recipient and channel; claimed for an attempt with
 * {@code FOR UPDATE SKIP LOCKED} and a lease like webhook deliveries, then marked sent, retried or dead.
 */
@Repository
class NotificationMessages {

	static final String INBOX = "inbox";

	private final JdbcClient jdbc;

	NotificationMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the dispatcher has read up to, locked until the caller's transaction ends; empty while another node holds it. */
	Optional<EventPosition> claimCursor() {
		return jdbc.sql("SELECT after_tx, after_seq FROM notification_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED")
			.query((rs, i) -> new EventPosition(rs.getLong("after_tx"), rs.getLong("after_seq")))
			.optional();
	}

	void readUpTo(EventPosition position) {
		jdbc.sql("UPDATE notification_cursor SET after_tx = :tx, after_seq = :seq WHERE id = 1")
			.param("tx", position.tx())
			.param("seq", position.seq())
			.update();
	}

	/** Queues one message; a second one for the same event, recipient and channel is not written. */
	void queue(StoredEvent event, String recipient, String channel, String address, String template, String subject,
			String body) {
		jdbc.sql("""
				INSERT INTO notification_message (event_id, event_type, case_id, case_number, recipient, channel, address,
				                                  template, subject, body, status)
				VALUES (:event, :type, :caseId, :caseNumber, :recipient, :channel, :address, :template, :subject, :body,
				        'PENDING')
				ON CONFLICT (event_id, recipient, channel) DO NOTHING
				""")
			.param("event", event.id())
			.param("type", event.type())
			.param("caseId", event.caseId())
			.param("caseNumber", event.caseNumber())
			.param("recipient", recipient)
			.param("channel", channel)
			.param("address", address)
			.param("template", template)
			.param("subject", cut(subject, 500))
			.param("body", body)
			.update();
	}

	/** A message claimed for one attempt. */
	record Claimed(long id, String eventType, String caseNumber, String recipient, String channel, String address,
			String subject, String body, int attempts, Instant createdAt) {
	}

	/** Takes up to {@code limit} due messages; their next attempt moves a lease ahead (see WebhookDeliveries). */
	List<Claimed> claimDue(int limit, Duration lease) {
		return jdbc.sql("""
				WITH due AS (
				    SELECT id FROM notification_message
				     WHERE status = 'PENDING' AND next_attempt_at <= clock_timestamp()
				     ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
				UPDATE notification_message m
				   SET attempts = m.attempts + 1,
				       next_attempt_at = clock_timestamp() + make_interval(secs => :lease)
				  FROM due WHERE m.id = due.id
				RETURNING m.id, m.event_type, m.case_number, m.recipient, m.channel, m.address, m.subject, m.body,
				          m.attempts, m.created_at
				""")
			.param("limit", limit)
			.param("lease", (double) lease.toMillis() / 1000)
			.query((rs, i) -> new Claimed(rs.getLong("id"), rs.getString("event_type"), rs.getString("case_number"),
					rs.getString("recipient"), rs.getString("channel"), rs.getString("address"), rs.getString("subject"),
					rs.getString("body"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void sent(long id) {
		jdbc.sql("""
				UPDATE notification_message SET status = 'SENT', sent_at = clock_timestamp(), last_error = NULL
				 WHERE id = :id AND status = 'PENDING'
				""").param("id", id).update();
	}

	/**
	 * A failed attempt: retried after {@code wait}, or dead once {@code retryPeriod} has passed since it was made.
	 *
	 * @return whether it is dead now
	 */
	boolean failed(long id, String error, Duration wait, Duration retryPeriod) {
		return jdbc.sql("""
				UPDATE notification_message
				   SET last_error = :error,
				       status = CASE WHEN clock_timestamp() >= created_at + make_interval(secs => :period)
				                     THEN 'DEAD' ELSE 'PENDING' END,
				       next_attempt_at = clock_timestamp() + make_interval(secs => :wait)
				 WHERE id = :id AND status = 'PENDING'
				RETURNING status
				""")
			.param("id", id)
			.param("error", error == null ? null : cut(error, 500))
			.param("wait", (double) wait.toMillis() / 1000)
			.param("period", (double) retryPeriod.toMillis() / 1000)
			.query(String.class)
			.optional()
			.filter("DEAD"::equals)
			.isPresent();
	}

	/** The channel refused the message for good: dead now, with why. */
	void dead(long id, String error) {
		jdbc.sql("UPDATE notification_message SET status = 'DEAD', last_error = :error WHERE id = :id AND status = 'PENDING'")
			.param("id", id)
			.param("error", error == null ? null : cut(error, 500))
			.update();
	}

	/** Messages that will not be sent again. */
	long deadCount() {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE status = 'DEAD'").query(Long.class).single();
	}

	/** A message of a staff member's in-app inbox. */
	record InboxMessage(long id, String eventType, UUID caseId, String caseNumber, String subject, String body,
			Instant createdAt, Instant readAt) {
	}

	record Page(List<InboxMessage> items, long total) {
	}

	/** The user's inbox, newest first; only unread ones when asked. */
	Page inbox(String username, boolean unreadOnly, int page, int size) {
		String where = " WHERE channel = '" + INBOX + "' AND recipient = :user" + (unreadOnly ? " AND read_at IS NULL" : "");
		Map<String, Object> params = new HashMap<>();
		params.put("user", username);
		long total = jdbc.sql("SELECT count(*) FROM notification_message" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<InboxMessage> items = jdbc.sql("SELECT * FROM notification_message" + where
				+ " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(NotificationMessages::inboxMessage)
			.list();
		return new Page(items, total);
	}

	/** Marks the user's message read (the first time only); empty when it is not theirs or not an inbox message. */
	Optional<InboxMessage> markRead(String username, long id) {
		jdbc.sql("UPDATE notification_message SET read_at = now() WHERE id = :id AND channel = '" + INBOX
				+ "' AND recipient = :user AND read_at IS NULL")
			.param("id", id)
			.param("user", username)
			.update();
		return jdbc.sql("SELECT * FROM notification_message WHERE id = :id AND channel = '" + INBOX
				+ "' AND recipient = :user")
			.param("id", id)
			.param("user", username)
			.query(NotificationMessages::inboxMessage)
			.optional();
	}

	private static InboxMessage inboxMessage(ResultSet rs, int row) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new InboxMessage(rs.getLong("id"), rs.getString("event_type"), rs.getObject("case_id", UUID.class),
				rs.getString("case_number"), rs.getString("subject"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

}
