package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.EventType;
import io.casegrid.client.model.WebhookDelivery;
import io.casegrid.client.model.WebhookDeliveryStatus;
import io.casegrid.client.model.WebhookSubscription;
import io.casegrid.client.model.WebhookSubscriptionRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How nodes share deliveries through the database: this node's poller is paused while the test plays a second node
 * (or one that dies mid-attempt) with the same claims the poller makes.
 */
@HttpTest
class WebhookClaimsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	WebhookPoller poller;

	@Autowired
	WebhookFanOut fanOut;

	@Autowired
	WebhookDeliveries deliveries;

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	TestMessages tests;

	@Autowired
	WebhookProperties properties;

	CasegridClient hotline;

	@BeforeEach
	void pausePoller() {
		poller.stop();
		hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
	}

	@AfterEach
	void resumePoller() {
		poller.start();
	}

	@Test
	void aDeliveryClaimedByANodeThatDiedIsSentAfterItsLeaseWithTheSameWebhookId() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookSubscription subscription = hotline.webhooks.createWebhookSubscription(
					new WebhookSubscriptionRequest().url(receiver.url()).addEventTypesItem(EventType.CASE_REPORTED));
			UUID caseId = hotline.intake
				.reportCase(CasegridClient.flyingWireReport().channel(Channel.HOTLINE_12345), UUID.randomUUID().toString())
				.getId();
			await().atMost(Duration.ofSeconds(10)).until(() -> fanOut.run().queued() > 0 || hasDelivery(subscription));
			// a node claims the delivery and dies before it sends or records anything
			List<WebhookDeliveries.Claimed> claimed = deliveries.claimDue(properties.batchSize(), properties.claimLease());
			assertThat(claimed).extracting(WebhookDeliveries.Claimed::url).contains(java.net.URI.create(receiver.url()));

			poller.start();
			await().atMost(Duration.ofSeconds(10).plus(properties.claimLease()))
				.until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(caseId.toString())));
			WebhookDelivery delivered = await().atMost(Duration.ofSeconds(5))
				.until(() -> hotline.webhooks.listWebhookDeliveries(subscription.getId(), null, 0, 20).getItems().get(0),
						d -> d.getStatus() == WebhookDeliveryStatus.DELIVERED);
			assertThat(delivered.getAttempts()).isEqualTo(2);
			assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
				.containsExactly(delivered.getMessageId().toString());
			hotline.webhooks.deleteWebhookSubscription(subscription.getId());
		}
	}

	@Test
	void twoNodesClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
		WebhookSubscription subscription = hotline.webhooks
			.createWebhookSubscription(new WebhookSubscriptionRequest().url("http://127.0.0.1:9/never-called"));
		var owned = subscriptions.get(new io.casegrid.security.Actor(DemoUsers.HOTLINE, Set.of(), Set.of()),
				subscription.getId());
		Set<Long> queued = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			queued.add(tests.queue(owned).id());
		}
		List<CompletableFuture<List<WebhookDeliveries.Claimed>>> nodes = new ArrayList<>();
		for (int node = 0; node < 2; node++) {
			nodes.add(CompletableFuture.supplyAsync(() -> {
				List<WebhookDeliveries.Claimed> mine = new ArrayList<>();
				for (List<WebhookDeliveries.Claimed> batch; !(batch = deliveries.claimDue(3, Duration.ofMinutes(5)))
					.isEmpty();) {
					mine.addAll(batch);
				}
				return mine;
			}));
		}
		List<Long> first = nodes.get(0).get().stream().map(WebhookDeliveries.Claimed::id).toList();
		List<Long> second = nodes.get(1).get().stream().map(WebhookDeliveries.Claimed::id).toList();
		assertThat(first).doesNotContainAnyElementsOf(second);
		Set<Long> all = new HashSet<>(first);
		all.addAll(second);
		assertThat(all).containsAll(queued);
		hotline.webhooks.deleteWebhookSubscription(subscription.getId());
	}

	private boolean hasDelivery(WebhookSubscription subscription) throws Exception {
		return hotline.webhooks.listWebhookDeliveries(subscription.getId(), null, 0, 1).getTotal() > 0;
	}

}
