package io.casegrid.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one subscription and how its delivery went.
 *
 * @param messageId the {@code webhook-id}: the event's id, the same on every attempt
 * @param eventType the event's type ({@code webhook.test} for a test message)
 * @param status PENDING (to be attempted at {@code nextAttemptAt}), DELIVERED or DEAD (dead-lettered)
 * @param lastStatus the HTTP status of the last attempt, null when none was received
 */
record WebhookDelivery(long id, UUID subscriptionId, UUID messageId, String eventType, String status, int attempts,
		Instant firstDueAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
		Instant deliveredAt) {

	static final String PENDING = "PENDING";

	static final String DELIVERED = "DELIVERED";

	static final String DEAD = "DEAD";

	static final String TEST_EVENT_TYPE = "webhook.test";

}
