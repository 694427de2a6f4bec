package io.casegrid.notify;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.casegrid.events.EventPosition;
import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook subscriptions of API clients. A client sees and changes only its own (another's is not found). A new
 * subscription receives the events committed after it was made.
 */
@Service
class WebhookSubscriptions {

	private static final String COLUMNS = "id, owner, owner_roles, owner_units, url, event_types, secret, created_at";

	private final JdbcClient jdbc;

	private final WebhookProperties properties;

	WebhookSubscriptions(JdbcClient jdbc, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	record Page(List<WebhookSubscription> items, long total) {
	}

	@Transactional
	public WebhookSubscription subscribe(Actor owner, URI url, Set<String> eventTypes) {
		// one client's subscriptions are counted under a lock on the client's name (held to the end of the
		// transaction), so two parallel calls cannot both take the last place
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('webhook_subscription:' || :owner))")
			.param("owner", owner.id())
			.query(Object.class)
			.single();
		long held = jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE owner = :owner")
			.param("owner", owner.id())
			.query(Long.class)
			.single();
		if (held >= properties.maxSubscriptions()) {
			throw new ConflictException(
					"Client " + owner.id() + " holds " + held + " webhook subscriptions already, the most allowed");
		}
		WebhookSubscription created = new WebhookSubscription(UUID.randomUUID(), owner, url, eventTypes,
				WebhookSignature.newSecret(), Instant.now());
		jdbc.sql("""
				INSERT INTO webhook_subscription (id, owner, owner_roles, owner_units, url, event_types, secret, created_at,
				                                  after_tx, after_seq)
				SELECT :id, :owner, :roles, :units, :url, :types, :secret, :createdAt, coalesce(max(tx), 0),
				       coalesce(max(seq), 0)
				  FROM outbox_event
				 WHERE tx = (SELECT max(tx) FROM outbox_event)
				""")
			.param("id", created.id())
			.param("owner", owner.id())
			.param("roles", owner.roles().stream().map(Role::tokenName).sorted().collect(Collectors.joining(",")))
			.param("units", String.join(",", owner.orgCodes().stream().sorted().toList()))
			.param("url", url.toString())
			.param("types", eventTypes.isEmpty() ? null : String.join(",", eventTypes.stream().sorted().toList()))
			.param("secret", created.secret())
			.param("createdAt", Timestamp.from(created.createdAt()))
			.update();
		return created;
	}

	public Page of(Actor owner, int page, int size) {
		long total = jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE owner = :owner")
			.param("owner", owner.id())
			.query(Long.class)
			.single();
		List<WebhookSubscription> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE owner = :owner"
					+ " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
			.param("owner", owner.id())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(WebhookSubscriptions::read)
			.list();
		return new Page(items, total);
	}

	/** The client's subscription; 404 for one that does not exist or is another client's. */
	public WebhookSubscription get(Actor owner, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = :id AND owner = :owner")
			.param("id", id)
			.param("owner", owner.id())
			.query(WebhookSubscriptions::read)
			.optional()
			.orElseThrow(() -> new NotFoundException("Webhook subscription", id));
	}

	/** Deletes the subscription with its delivery log; pending deliveries are not sent. */
	@Transactional
	public void unsubscribe(Actor owner, UUID id) {
		get(owner, id);
		jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update();
	}

	/** A new secret; deliveries from now on are signed with it only. */
	@Transactional
	public WebhookSubscription rotateSecret(Actor owner, UUID id) {
		get(owner, id);
		jdbc.sql("UPDATE webhook_subscription SET secret = :secret WHERE id = :id")
			.param("secret", WebhookSignature.newSecret())
			.param("id", id)
			.update();
		return get(owner, id);
	}

	/**
	 * Subscriptions no other node is fanning out right now, locked until the caller's transaction ends, with where
	 * each has read the outbox up to.
	 */
	List<Claimed> claimForFanOut() {
		return jdbc.sql("SELECT " + COLUMNS + ", after_tx, after_seq FROM webhook_subscription ORDER BY id"
				+ " FOR UPDATE SKIP LOCKED")
			.query((rs, i) -> new Claimed(read(rs, i), new EventPosition(rs.getLong("after_tx"), rs.getLong("after_seq"))))
			.list();
	}

	record Claimed(WebhookSubscription subscription, EventPosition readUpTo) {
	}

	void readUpTo(UUID id, EventPosition position) {
		jdbc.sql("UPDATE webhook_subscription SET after_tx = :tx, after_seq = :seq WHERE id = :id")
			.param("tx", position.tx())
			.param("seq", position.seq())
			.param("id", id)
			.update();
	}

	private static WebhookSubscription read(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = split(rs.getString("owner_roles")).stream()
			.map(name -> Role.fromToken(name).orElse(null))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return new WebhookSubscription(rs.getObject("id", UUID.class),
				new Actor(rs.getString("owner"), roles, split(rs.getString("owner_units"))), URI.create(rs.getString("url")),
				split(rs.getString("event_types")), rs.getString("secret"), rs.getTimestamp("created_at").toInstant());
	}

	private static Set<String> split(String joined) {
		return joined == null || joined.isEmpty() ? Set.of()
				: Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
	}

}
