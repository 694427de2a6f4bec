package io.casegrid.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The verifier against the example of the Standard Webhooks specification (secret, id, timestamp, body and the
 * signature it gives, also reproduced with openssl as docs/integration.md shows), not against casegrid's own signer:
 * the service's HTTP tests check its real deliveries with this verifier.
 */
class WebhookVerifierTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final String TIMESTAMP = "1614265330";

	static final String BODY = "{\"test\": 2432232314}";

	static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	final WebhookVerifier verifier = new WebhookVerifier(SECRET).withClock(at(1614265330 + 10));

	@Test
	void acceptsTheSpecificationsExampleDelivery() {
		assertDoesNotThrow(() -> verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY));
	}

	@Test
	void acceptsTheDeliveryThroughAHeaderLookUpAndRawBytes() {
		Map<String, String> headers = Map.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature",
				SIGNATURE);
		assertDoesNotThrow(() -> verifier.verify(headers::get, BODY.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void refusesATamperedBody() {
		assertThrows(WebhookVerificationException.class,
				() -> verifier.verify(ID, TIMESTAMP, SIGNATURE, "{\"test\": 2432232315}"));
	}

	@Test
	void refusesATamperedIdOrTimestamp() {
		assertThrows(WebhookVerificationException.class,
				() -> verifier.verify("msg_p5jXN8AQM9LWM0D4loKWxJel", TIMESTAMP, SIGNATURE, BODY));
		assertThrows(WebhookVerificationException.class,
				() -> verifier.verify(ID, "1614265331", SIGNATURE, BODY));
	}

	@Test
	void refusesADeliverySignedWithAnotherSecret() {
		WebhookVerifier other = new WebhookVerifier("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=")
			.withClock(at(1614265330));
		assertThrows(WebhookVerificationException.class, () -> other.verify(ID, TIMESTAMP, SIGNATURE, BODY));
	}

	@Test
	void refusesATimestampOlderThanFiveMinutes() {
		WebhookVerifier later = new WebhookVerifier(SECRET).withClock(at(1614265330 + 301));
		assertThrows(WebhookVerificationException.class, () -> later.verify(ID, TIMESTAMP, SIGNATURE, BODY));
	}

	@Test
	void refusesATimestampMoreThanFiveMinutesAhead() {
		WebhookVerifier earlier = new WebhookVerifier(SECRET).withClock(at(1614265330 - 301));
		assertThrows(WebhookVerificationException.class, () -> earlier.verify(ID, TIMESTAMP, SIGNATURE, BODY));
	}

	@Test
	void acceptsAnOldTimestampWithinAWiderTolerance() {
		WebhookVerifier patient = new WebhookVerifier(SECRET).withClock(at(1614265330 + 3600))
			.withTolerance(Duration.ofHours(2));
		assertDoesNotThrow(() -> patient.verify(ID, TIMESTAMP, SIGNATURE, BODY));
	}

	@Test
	void acceptsWhenOneOfSeveralSignaturesMatches() {
		String several = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + SIGNATURE + " v1a,abc";
		assertDoesNotThrow(() -> verifier.verify(ID, TIMESTAMP, several, BODY));
	}

	@Test
	void refusesWhenNoneOfSeveralSignaturesMatches() {
		String none = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,not-base64!";
		assertThrows(WebhookVerificationException.class, () -> verifier.verify(ID, TIMESTAMP, none, BODY));
	}

	@Test
	void refusesTheRightDigestUnderAnotherVersion() {
		String otherVersion = "v2," + SIGNATURE.substring("v1,".length());
		assertThrows(WebhookVerificationException.class, () -> verifier.verify(ID, TIMESTAMP, otherVersion, BODY));
	}

	@Test
	void refusesADeliveryWithoutSignature() {
		assertThrows(WebhookVerificationException.class, () -> verifier.verify(ID, TIMESTAMP, null, BODY));
	}

	static Clock at(long epochSecond) {
		return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
	}

}
