package io.casegrid.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.casegrid.api.WebhooksApi;
import io.casegrid.api.model.EventType;
import io.casegrid.api.model.WebhookDeliveryPage;
import io.casegrid.api.model.WebhookDeliveryStatus;
import io.casegrid.api.model.WebhookSubscriptionPage;
import io.casegrid.api.model.WebhookSubscriptionRequest;
import io.casegrid.security.Actor;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WebhooksController implements WebhooksApi {

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final TestMessages tests;

	private final CurrentActor actor;

	WebhooksController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, TestMessages tests,
			CurrentActor actor) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.tests = tests;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WebhookSubscription> createWebhookSubscription(
			WebhookSubscriptionRequest request) {
		URI url = httpUrl(request.getUrl());
		Set<String> types = request.getEventTypes() == null ? Set.of()
				: request.getEventTypes().stream().map(EventType::getValue).collect(Collectors.toSet());
		WebhookSubscription created = subscriptions.subscribe(actor.get(), url, types);
		return ResponseEntity.created(URI.create(PATH_GET_WEBHOOK_SUBSCRIPTION.replace("{subscriptionId}",
				created.id().toString())))
			.body(view(created).secret(created.secret()));
	}

	@Override
	public ResponseEntity<WebhookSubscriptionPage> listWebhookSubscriptions(Integer page, Integer size) {
		WebhookSubscriptions.Page found = subscriptions.of(actor.get(), page, size);
		return ResponseEntity.ok(new WebhookSubscriptionPage(
				found.items().stream().map(WebhooksController::view).toList(), page, size, found.total()));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WebhookSubscription> getWebhookSubscription(UUID subscriptionId) {
		return ResponseEntity.ok(view(subscriptions.get(actor.get(), subscriptionId)));
	}

	@Override
	public ResponseEntity<Void> deleteWebhookSubscription(UUID subscriptionId) {
		subscriptions.unsubscribe(actor.get(), subscriptionId);
		return ResponseEntity.noContent().build();
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WebhookSubscription> rotateWebhookSecret(UUID subscriptionId) {
		WebhookSubscription rotated = subscriptions.rotateSecret(actor.get(), subscriptionId);
		return ResponseEntity.ok(view(rotated).secret(rotated.secret()));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WebhookDelivery> sendTestWebhook(UUID subscriptionId) {
		WebhookSubscription subscription = subscriptions.get(actor.get(), subscriptionId);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(tests.queue(subscription)));
	}

	@Override
	public ResponseEntity<WebhookDeliveryPage> listWebhookDeliveries(UUID subscriptionId,
			WebhookDeliveryStatus status, Integer page, Integer size) {
		Actor me = actor.get();
		subscriptions.get(me, subscriptionId);
		WebhookDeliveries.Page found = deliveries.log(subscriptionId, status == null ? null : status.getValue(), page,
				size);
		return ResponseEntity.ok(new WebhookDeliveryPage(found.items().stream().map(WebhooksController::view).toList(),
				page, size, found.total()));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WebhookDelivery> redeliverWebhook(UUID subscriptionId,
			Long deliveryId) {
		subscriptions.get(actor.get(), subscriptionId);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(deliveries.redeliver(subscriptionId, deliveryId)));
	}

	private static URI httpUrl(String text) {
		try {
			URI url = new URI(text);
			if (url.isAbsolute() && url.getHost() != null
					&& ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw new InvalidRequestException("url", "must be an absolute http or https URL");
	}

	private static io.casegrid.api.model.WebhookSubscription view(WebhookSubscription s) {
		List<EventType> types = s.eventTypes().stream().sorted().map(EventType::fromValue).toList();
		return new io.casegrid.api.model.WebhookSubscription(s.id(), s.url().toString(), types, at(s.createdAt()));
	}

	private static io.casegrid.api.model.WebhookDelivery view(WebhookDelivery d) {
		return new io.casegrid.api.model.WebhookDelivery(d.id(), d.messageId(), d.eventType(),
				WebhookDeliveryStatus.fromValue(d.status()), d.attempts(), at(d.firstDueAt()))
			.nextAttemptAt(WebhookDelivery.PENDING.equals(d.status()) ? at(d.nextAttemptAt()) : null)
			.lastAttemptAt(at(d.lastAttemptAt()))
			.lastStatus(d.lastStatus())
			.lastError(d.lastError())
			.deliveredAt(at(d.deliveredAt()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
