package io.casegrid.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The one real Keycloak of a test JVM: started from the unpacked distribution with the realm export imported, on a
 * free port with a throwaway store, the first time a test or a Spring context needs it, and stopped when the JVM
 * exits. Hands out tokens for the demo users and apps of the realm.
 */
public final class TestKeycloak {

	public static final String REALM = "casegrid";

	public static final String ADMIN_USERNAME = "admin";

	public static final String ADMIN_PASSWORD = "admin";

	/** The public demo client with the password grant. */
	public static final String CLI_CLIENT = "casegrid-cli";

	private static KeycloakServer server;

	private static final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private record Token(String value, Instant refreshAfter) {
	}

	private TestKeycloak() {
	}

	/** Starts Keycloak if it is not running yet; returns at once. */
	public static synchronized KeycloakServer started() {
		if (server == null) {
			Path dataDir = Path.of("target", "test-keycloak", UUID.randomUUID().toString());
			server = new KeycloakServer(settings(0, dataDir)).start();
			KeycloakServer running = server;
			Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stop-test-keycloak"));
		}
		return server;
	}

	/** What the tests' Keycloak and the one the run command starts have in common. */
	public static KeycloakServer.Settings settings(int port, Path dataDir) {
		return new KeycloakServer.Settings(distributionHome(), dataDir, port, REALM, () -> {
			try {
				return new ClassPathResource("keycloak-realm/" + REALM + "-realm.json").getInputStream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, ADMIN_USERNAME, ADMIN_PASSWORD, Duration.ofMinutes(3));
	}

	public static String issuer() {
		return started().issuerUri();
	}

	public static String tokenUri() {
		return issuer() + "/protocol/openid-connect/token";
	}

	/** An access token for a demo user, by the password grant of the demo CLI client (cached while fresh). */
	public static String tokenFor(String username) {
		return cached("user:" + username, () -> Map.of("grant_type", "password", "client_id", CLI_CLIENT,
				"username", username, "password", "demo"));
	}

	/** An access token for an app, by its client credentials (cached while fresh). */
	public static String tokenForClient(String clientId, String secret) {
		return cached("client:" + clientId, () -> Map.of("grant_type", "client_credentials", "client_id", clientId,
				"client_secret", secret));
	}

	/** POSTs a form to the casegrid realm's token endpoint and returns the JSON answer, whatever its status. */
	public static JsonNode tokenResponse(Map<String, String> form) {
		return tokenResponse(REALM, form);
	}

	/** POSTs a form to a realm's token endpoint and returns the JSON answer, whatever its status. */
	public static JsonNode tokenResponse(String realm, Map<String, String> form) {
		String tokenUri = started().awaitReady().baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An admin client on the master realm, for tests that change the realm. */
	public static Keycloak admin() {
		return Keycloak.getInstance(started().awaitReady().baseUrl(), "master", ADMIN_USERNAME, ADMIN_PASSWORD,
				"admin-cli");
	}

	private static String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
		Token token = tokens.get(key);
		if (token == null || Instant.now().isAfter(token.refreshAfter())) {
			JsonNode answer = tokenResponse(form.get());
			if (!answer.hasNonNull("access_token")) {
				throw new IllegalStateException("No token for " + key + ": " + answer);
			}
			token = new Token(answer.get("access_token").asText(),
					Instant.now().plusSeconds(answer.get("expires_in").asLong() - 60));
			tokens.put(key, token);
		}
		return token.value();
	}

	/** Where the build unpacked the distribution: the same setting the service reads, from application.yml. */
	static Path distributionHome() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return Path.of(environment.getRequiredProperty("casegrid.keycloak.embedded.home"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
