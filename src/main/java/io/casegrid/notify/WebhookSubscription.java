package io.casegrid.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.casegrid.security.Actor;

/**
 * A client's webhook: its events (all when {@code eventTypes} is empty) go to {@code url}, signed with
 * {@code secret}. {@code owner} is the client as it was when it subscribed: deliveries are scoped with its roles and
 * org units, as its reads are.
 */
record WebhookSubscription(UUID id, Actor owner, URI url, Set<String> eventTypes, String secret, Instant createdAt) {

	WebhookSubscription {
		eventTypes = Set.copyOf(eventTypes);
	}

}
