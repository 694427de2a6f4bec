package io.casegrid.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param pollInterval how often each node looks for new events and due deliveries
 * @param batchSize how many events (or deliveries) one poll takes at most
 * @param firstRetryAfter the wait after the first failed attempt; each further failure doubles it
 * @param maxRetryInterval the longest wait between two attempts
 * @param retryPeriod how long a delivery is retried after it first came due; a failure after that dead-letters it
 * @param requestTimeout how long one attempt waits for the receiver's answer
 * @param claimLease how long a claimed delivery stays with the node that claimed it; a node that died mid-attempt
 *        leaves it to another after this (must exceed the request timeout)
 * @param maxSubscriptions subscriptions one client may hold
 * @param senders how many deliveries of a claimed batch a node sends at once (those of one case one after the other)
 */
@ConfigurationProperties("casegrid.webhooks")
record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("30s") Duration firstRetryAfter, @DefaultValue("2h") Duration maxRetryInterval,
		@DefaultValue("25h") Duration retryPeriod, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("60s") Duration claimLease, @DefaultValue("10") int maxSubscriptions,
		@DefaultValue("8") int senders) {

	/** The wait after the {@code attempts}-th failed attempt: doubling from the first, capped. */
	Duration backOff(int attempts) {
		Duration wait = firstRetryAfter;
		for (int i = 1; i < attempts && wait.compareTo(maxRetryInterval) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetryInterval) < 0 ? wait : maxRetryInterval;
	}

}
