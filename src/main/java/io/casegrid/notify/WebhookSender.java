package io.casegrid.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Attempts the deliveries that are due, one after the other in the order their events happened: a signed POST each
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}); any 2xx answer delivers it, anything
 * else (another status, no answer in time, no connection) is retried later.
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookDeliveries deliveries;

	private final WebhookProperties properties;

	private final HttpClient http;

	WebhookSender(WebhookDeliveries deliveries, WebhookProperties properties) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** One round; returns how many attempts it made. */
	int sendDue() {
		var due = deliveries.claimDue(properties.batchSize(), properties.claimLease());
		due.forEach(this::attempt);
		return due.size();
	}

	private void attempt(WebhookDeliveries.Claimed delivery) {
		long timestamp = Instant.now().getEpochSecond();
		String id = delivery.messageId().toString();
		HttpRequest request = HttpRequest.newBuilder(delivery.url())
			.timeout(properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "casegrid-webhooks")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(delivery.secret(), id, timestamp, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				deliveries.delivered(delivery.id(), response.statusCode());
			}
			else {
				failed(delivery, response.statusCode(), "HTTP " + response.statusCode());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			failed(delivery, null, ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void failed(WebhookDeliveries.Claimed delivery, Integer status, String error) {
		log.debug("Webhook delivery {} to {} failed (attempt {}): {}", delivery.id(), delivery.url(),
				delivery.attempts(), error);
		deliveries.failed(delivery.id(), status, error, properties.backOff(delivery.attempts()),
				properties.retryPeriod());
	}

}
