package io.casegrid.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook delivery from casegrid the Standard Webhooks way, before its body is parsed: the
 * {@code webhook-signature} header must carry, among its space-separated {@code v1,<base64>} signatures, the
 * HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<raw body>} keyed with the bytes of the subscription's
 * secret ({@code whsec_<base64>}), and {@code webhook-timestamp} (Unix seconds) must lie within the tolerance of this
 * receiver's clock (five minutes by default), so that a recorded delivery cannot be replayed later.
 * <p>
 * While a secret is being rotated, make one verifier per secret and accept a delivery either verifies. The verifier
 * keeps no state: deduplicate deliveries on {@code webhook-id} yourself (a retry repeats it).
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(secret);
 * verifier.verify(request::getHeader, body); // throws WebhookVerificationException
 * }</pre>
 */
public final class WebhookVerifier {

	/** How far a delivery's timestamp may lie from the receiver's clock, either way, by default. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private static final String SECRET_PREFIX = "whsec_";

	private static final String VERSION = "v1,";

	private final byte[] key;

	private final Duration tolerance;

	private final Clock clock;

	/** A verifier for the secret of one subscription ({@code whsec_<base64>}, as casegrid returned it). */
	public WebhookVerifier(String secret) {
		this(decode(secret), DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	private WebhookVerifier(byte[] key, Duration tolerance, Clock clock) {
		this.key = key;
		this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The same verifier with another tolerance for the timestamp. */
	public WebhookVerifier withTolerance(Duration tolerance) {
		return new WebhookVerifier(key, tolerance, clock);
	}

	/**
	 * The same verifier reading the time from this clock, e.g. the time a stored delivery was received when it is
	 * checked later.
	 */
	public WebhookVerifier withClock(Clock clock) {
		return new WebhookVerifier(key, tolerance, clock);
	}

	/**
	 * Verifies a delivery given a look-up of its headers by name (for example {@code request::getHeader} of a servlet
	 * request) and its raw body.
	 * @throws WebhookVerificationException if a header is missing, the timestamp is outside the tolerance, or no
	 * signature matches
	 */
	public void verify(Function<String, String> header, byte[] body) throws WebhookVerificationException {
		verify(header.apply("webhook-id"), header.apply("webhook-timestamp"), header.apply("webhook-signature"), body);
	}

	/** {@link #verify(String, String, String, byte[])} with the body as the UTF-8 text it was received as. */
	public void verify(String id, String timestamp, String signatures, String body)
			throws WebhookVerificationException {
		verify(id, timestamp, signatures, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Verifies a delivery given the values of its three headers and its raw body.
	 * @throws WebhookVerificationException if a value is missing, the timestamp is outside the tolerance, or no
	 * signature matches
	 */
	public void verify(String id, String timestamp, String signatures, byte[] body)
			throws WebhookVerificationException {
		if (id == null || timestamp == null || signatures == null || body == null) {
			throw new WebhookVerificationException("missing webhook-id, webhook-timestamp, webhook-signature or body");
		}
		long sentAt;
		try {
			sentAt = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			throw new WebhookVerificationException("webhook-timestamp is not a number of seconds: " + timestamp);
		}
		long now = clock.instant().getEpochSecond();
		if (Math.abs(now - sentAt) > tolerance.toSeconds()) {
			throw new WebhookVerificationException(
					"webhook-timestamp " + sentAt + " is more than " + tolerance + " from this receiver's clock");
		}
		byte[] expected = mac(id + "." + timestamp + ".", body);
		for (String signature : signatures.trim().split(" +")) {
			if (signature.startsWith(VERSION) && MessageDigest.isEqual(expected, base64(signature))) {
				return;
			}
		}
		throw new WebhookVerificationException("no v1 signature of webhook-signature matches");
	}

	private byte[] mac(String prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(prefix.getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** A signature that is not base64 matches nothing (it is not an error of the receiver). */
	private static byte[] base64(String signature) {
		try {
			return Base64.getDecoder().decode(signature.substring(VERSION.length()));
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static byte[] decode(String secret) {
		Objects.requireNonNull(secret, "secret");
		String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
		try {
			return Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("a webhook secret is whsec_ and base64", ex);
		}
	}

}
