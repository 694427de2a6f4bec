package io.casegrid.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/** A test message for a subscription: signed and delivered like an event, but of no case and in no feed. */
@Service
class TestMessages {

	private final WebhookDeliveries deliveries;

	private final ObjectMapper json;

	TestMessages(WebhookDeliveries deliveries, ObjectMapper json) {
		this.deliveries = deliveries;
		this.json = json;
	}

	WebhookDelivery queue(WebhookSubscription subscription) {
		UUID id = UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("type", WebhookDelivery.TEST_EVENT_TYPE);
		body.put("timestamp", Instant.now().toString());
		body.put("data", Map.of("subscriptionId", subscription.id().toString()));
		try {
			return deliveries.queueTest(subscription.id(), id, json.writeValueAsString(body));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
