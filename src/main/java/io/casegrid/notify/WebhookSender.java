package io.casegrid.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Attempts the deliveries that are due: a signed POST each ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}); any 2xx answer delivers it, anything else (another status, no answer in time, no
 * connection) is retried later. A claimed batch goes out on {@code senders} threads at once, over one HTTP client
 * that keeps its connections; the deliveries of one case go one after the other in the order of their events, and
 * the next batch waits until this one is done, so a case's events are never sent out of order by one node.
 */
@Component
class WebhookSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookDeliveries deliveries;

	private final WebhookProperties properties;

	private final HttpClient http;

	private final ExecutorService senders;

	WebhookSender(WebhookDeliveries deliveries, WebhookProperties properties) {
		this.deliveries = deliveries;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(Math.max(1, properties.senders()), r -> {
			Thread thread = new Thread(r, "webhook-sender-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** One round; returns how many attempts it made. */
	int sendDue() {
		var due = deliveries.claimDue(properties.batchSize(), properties.claimLease());
		Map<Object, List<WebhookDeliveries.Claimed>> byCase = due.stream()
			.collect(Collectors.groupingBy(d -> d.caseId() == null ? (Object) d.id() : d.caseId(), LinkedHashMap::new,
					Collectors.toList()));
		List<Future<?>> running = byCase.values()
			.stream()
			.<Future<?>>map(ofCase -> senders.submit(() -> ofCase.forEach(this::attempt)))
			.toList();
		for (Future<?> run : running) {
			try {
				run.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return due.size();
			}
			catch (ExecutionException ex) {
				log.warn("Webhook delivery failed unexpectedly; its lease lets it be tried again: {}", ex.getCause().toString());
			}
		}
		return due.size();
	}

	@Override
	public void destroy() {
		senders.shutdownNow();
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
