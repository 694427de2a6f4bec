package io.casegrid.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens of the demo users from the Keycloak all nodes share (password grant of {@code casegrid-cli}),
 * fetched again before the realm's five-minute lifespan ends, so a long run never sends an expired token.
 */
final class Tokens {

	private static final Duration REFRESH_AFTER = Duration.ofMinutes(2);

	private record Token(String value, long fetchedAt) {
	}

	private final String issuerUri;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Token> cache = new ConcurrentHashMap<>();

	Tokens(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	String bearer(String user) {
		Token token = cache.compute(user, (u, t) -> t != null
				&& System.nanoTime() - t.fetchedAt() < REFRESH_AFTER.toNanos() ? t : fetch(u));
		return "Bearer " + token.value();
	}

	private Token fetch(String user) {
		String form = "grant_type=password&client_id=casegrid-cli&password=demo&username="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri + "/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("No token for " + user + ": " + response.statusCode());
			}
			return new Token(json.readTree(response.body()).get("access_token").asText(), System.nanoTime());
		}
		catch (IOException ex) {
			throw new IllegalStateException("No token for " + user, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
