package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A password check while Keycloak is down is a 503 problem without a stack trace, not a 500: the check is a real
 * HTTP call to a port nothing listens on.
 */
class KeycloakUnreachableTests {

	@Test
	void passwordCheckAgainstAClosedPortIs503ProblemWithoutStackTrace() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		KeycloakPasswordGrant grant = new KeycloakPasswordGrant(
				"http://127.0.0.1:" + closed + "/realms/casegrid/protocol/openid-connect/token", "casegrid-api", "secret",
				Duration.ofSeconds(2), Duration.ofSeconds(5));

		long started = System.nanoTime();
		KeycloakUnreachable unreachable = catchThrowableOfType(KeycloakUnreachable.class,
				() -> grant.accessToken("designer", "demo"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ProblemResponses(new ObjectMapper()).commence(new MockHttpServletRequest("GET", "/engine-rest/engine"),
				response, unreachable);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isNotBlank();
		JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:unavailable");
		assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
