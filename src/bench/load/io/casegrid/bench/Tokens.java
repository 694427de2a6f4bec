package io.casegrid.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bearer tokens from a Keycloak realm, as casegrid's apps get them: the 12345 hotline with its client credentials,
 * people (demo users, password {@code demo}) through the demo CLI client. A token is reused until a minute before
 * it expires, as a real client would; fetching tokens is not what the benchmark or the fault harness measures.
 * The Gatling simulations use {@link #of} (the realm named by the system property {@code bench.issuer}); the fault
 * harness keeps its own {@link #at} the Keycloak it starts.
 */
public final class Tokens {

	/** The 12345 hotline's client: reports cases. */
	public static final String HOTLINE = "hotline-12345";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper json = new ObjectMapper();

	private static final Map<String, Tokens> byIssuer = new ConcurrentHashMap<>();

	private record Token(String value, Instant renewAfter) {
	}

	private final String issuer;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private Tokens(String issuer) {
		this.issuer = issuer;
	}

	/** The tokens of the realm with this issuer, e.g. {@code http://127.0.0.1:8180/realms/casegrid}. */
	public static Tokens at(String issuer) {
		return byIssuer.computeIfAbsent(issuer, Tokens::new);
	}

	/** A valid token of a demo user, or of the hotline app for {@link #HOTLINE}, from the realm {@code bench.issuer}. */
	public static String of(String who) {
		return at(System.getProperty("bench.issuer", "http://127.0.0.1:8180/realms/casegrid")).token(who);
	}

	/** A valid token of a demo user, or of the hotline app for {@link #HOTLINE}. */
	public String token(String who) {
		return held(who, () -> who.equals(HOTLINE) ? clientCredentials(HOTLINE, "hotline-12345-demo-secret")
				: Map.of("grant_type", "password", "client_id", "casegrid-cli", "username", who, "password", "demo"));
	}

	/** A valid token of an app, through its client credentials. */
	public String client(String clientId, String secret) {
		return held(clientId, () -> clientCredentials(clientId, secret));
	}

	private String held(String who, java.util.function.Supplier<Map<String, String>> form) {
		return tokens.compute(who, (key, held) -> held != null && Instant.now().isBefore(held.renewAfter()) ? held
				: fetch(key, form.get())).value();
	}

	private static Map<String, String> clientCredentials(String clientId, String secret) {
		return Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
	}

	/** The {@code Authorization} header value for {@code who}. */
	public String bearer(String who) {
		return "Bearer " + token(who);
	}

	private Token fetch(String who, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("no token for " + who + ": " + response.body());
			}
			JsonNode token = json.readTree(response.body());
			return new Token(token.get("access_token").asText(),
					Instant.now().plusSeconds(token.get("expires_in").asLong() - 60));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
