package io.casegrid.notify;

import io.casegrid.casefile.CaseVisibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns settled outbox events into deliveries: for each subscription no other node holds, the next events of its
 * types on cases its client may read — decided by {@link CaseVisibility}, as for the client's own reads — and the
 * subscription's read position moves past every event looked at.
 */
@Service
class WebhookFanOut {

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final EventFeed feed;

	private final CaseVisibility visibility;

	private final WebhookProperties properties;

	WebhookFanOut(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, EventFeed feed,
			CaseVisibility visibility, WebhookProperties properties) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.feed = feed;
		this.visibility = visibility;
		this.properties = properties;
	}

	/** A round's work: the deliveries it queued, and whether a subscription has more events waiting. */
	record Round(int queued, boolean more) {
	}

	/** One round: at most {@code batch-size} events per subscription. */
	@Transactional
	public Round run() {
		int queued = 0;
		boolean more = false;
		for (WebhookSubscriptions.Claimed claimed : subscriptions.claimForFanOut()) {
			WebhookSubscription subscription = claimed.subscription();
			EventFeed.Stretch stretch = feed.stretchAfter(claimed.readUpTo(), subscription.eventTypes(),
					visibility.scopeOf(subscription.owner()), properties.batchSize());
			deliveries.queue(subscription.id(), stretch.matching());
			if (!stretch.end().equals(claimed.readUpTo())) {
				subscriptions.readUpTo(subscription.id(), stretch.end());
			}
			queued += stretch.matching().size();
			more |= stretch.read() == properties.batchSize();
		}
		return new Round(queued, more);
	}

}
