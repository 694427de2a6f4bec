package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 4 of the security review: basic credentials on {@code /engine-rest} must not let anyone lock a user out.
 * A wrong password costs one failure in Keycloak, a burst of them is cut off with 429 before Keycloak locks the user,
 * and no answer is a 5xx or carries a stack trace. Each test signs in as a user of its own, removed afterwards, so
 * the failures it causes touch no one else.
 */
@HttpTest
class EngineRestPasswordHttpTests {

	private static final String PASSWORD = "right-" + UUID.randomUUID();

	private final int port;

	private final ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> created = new ArrayList<>();

	@Autowired
	EngineRestPasswordHttpTests(@LocalServerPort int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@AfterEach
	void removeUsers() {
		try (Keycloak admin = TestKeycloak.admin()) {
			created.forEach(id -> admin.realm(TestKeycloak.REALM).users().delete(id).close());
		}
	}

	@Test
	void oneWrongPasswordCountsOnceInKeycloak() throws Exception {
		User user = designer("pw-once");

		HttpResponse<String> response = http.send(basic(user.name(), "wrong"), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 401);
		assertThat(keycloakFailures(user)).isEqualTo(1);
	}

	@Test
	void burstOfWrongPasswordsGets401Then429AndTheUserCanStillSignIn() throws Exception {
		User user = designer("pw-burst");

		HttpResponse<String> first = http.send(basic(user.name(), "wrong-0"), HttpResponse.BodyHandlers.ofString());
		List<HttpResponse<String>> burst = burst(user, 49);

		assertProblem(first, 401);
		burst.forEach(response -> assertProblem(response, response.statusCode()));
		assertThat(burst).extracting(HttpResponse::statusCode).isSubsetOf(401, 429).contains(429);
		assertThat(burst).filteredOn(r -> r.statusCode() == 429)
			.allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
		assertThat(keycloakFailures(user)).as("failures Keycloak counted").isLessThanOrEqualTo(4);
		JsonNode token = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id",
				TestKeycloak.CLI_CLIENT, "username", user.name(), "password", PASSWORD));
		assertThat(token.path("access_token").asText()).as("the user signs in at Keycloak: %s", token).isNotBlank();
		HttpResponse<String> engine = http.send(HttpRequest.newBuilder(uri("/engine-rest/engine"))
			.header("Authorization", "Bearer " + token.path("access_token").asText())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(engine.statusCode()).isEqualTo(200);
	}

	/** Wrong passwords for the user from 10 clients at once. */
	private List<HttpResponse<String>> burst(User user, int requests) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(10);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 1; i <= requests; i++) {
				HttpRequest request = basic(user.name(), "wrong-" + i);
				sent.add(clients.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
			}
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : sent) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			clients.shutdown();
		}
	}

	private void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		try {
			assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(status);
		}
		catch (java.io.IOException ex) {
			throw new AssertionError("not JSON: " + response.body(), ex);
		}
	}

	private int keycloakFailures(User user) {
		try (Keycloak admin = TestKeycloak.admin()) {
			Map<String, Object> status = admin.realm(TestKeycloak.REALM).attackDetection().bruteForceUserStatus(user.id());
			assertThat(status.get("disabled")).as("locked out by Keycloak: %s", status).isEqualTo(false);
			return ((Number) status.get("numFailures")).intValue();
		}
	}

	/** A process designer of the county, with {@link #PASSWORD}. */
	private User designer(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		try (Keycloak admin = TestKeycloak.admin()) {
			RealmResource realm = admin.realm(TestKeycloak.REALM);
			UserRepresentation user = new UserRepresentation();
			user.setUsername(name);
			user.setEnabled(true);
			user.setEmail(name + "@example.invalid");
			user.setEmailVerified(true);
			user.setFirstName("测试");
			user.setLastName("设计");
			CredentialRepresentation password = new CredentialRepresentation();
			password.setType(CredentialRepresentation.PASSWORD);
			password.setValue(PASSWORD);
			password.setTemporary(false);
			user.setCredentials(List.of(password));
			user.setGroups(List.of("/云岭县"));
			String id;
			try (Response response = realm.users().create(user)) {
				assertThat(response.getStatus()).isEqualTo(201);
				String location = response.getLocation().getPath();
				id = location.substring(location.lastIndexOf('/') + 1);
			}
			created.add(id);
			realm.users().get(id).roles().realmLevel()
				.add(List.of(realm.roles().get("process-designer").toRepresentation()));
			return new User(id, name);
		}
	}

	private HttpRequest basic(String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri("/engine-rest/engine")).header("Authorization", "Basic " + credentials).build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private record User(String id, String name) {
	}

}
