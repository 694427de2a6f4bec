package io.casegrid.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written from the Standard Webhooks specification (not from the service's code):
 * the base64 HMAC-SHA256, keyed with the secret's bytes after {@code whsec_}, of {@code id.timestamp.body}, must
 * equal one of the space-separated {@code v1,} signatures. docs/integration.md shows the same. Public for the fault
 * harness's delivery scenario (src/bench/load), which checks every signature it receives with it.
 */
public final class StandardWebhooks {

	private StandardWebhooks() {
	}

	public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader)
			throws Exception {
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		for (String signature : signatureHeader.split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

}
