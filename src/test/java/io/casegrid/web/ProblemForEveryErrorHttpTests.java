package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The errors the fuzz run found answered without problem+json or with a 500: each is now a 4xx problem, whether
 * Tomcat, the security firewall, content negotiation, the multipart parser, the JSON reader or the database refused
 * the request.
 */
@HttpTest
class ProblemForEveryErrorHttpTests {

	private final int port;

	private final ObjectMapper json;

	@Autowired
	ProblemForEveryErrorHttpTests(@LocalServerPort int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	static Stream<Arguments> refusedRequests() {
		String caseId = "0ca11745-ab17-4be3-a217-b89384dccafa";
		return Stream.of(Arguments.of("encoded slash, refused by Tomcat", "GET", "/api/v1/cases/a%2Fb", "", 400),
				Arguments.of("invalid UTF-8, refused by Tomcat", "GET", "/api/v1/cases/%FF", "", 400),
				Arguments.of("headers too large, refused by Tomcat", "GET", "/api/v1/cases", "x".repeat(10_000), 400),
				Arguments.of("path parameter, refused by the firewall", "GET", "/api/v1/cases/;x=1/sla", "", 400),
				Arguments.of("unknown method, refused by the firewall", "FUZZ", "/api/v1/cases/" + caseId, "", 400),
				Arguments.of("NUL in a filter, refused by the database", "GET", "/api/v1/sla/at-risk?department=%00",
						"", 400),
				Arguments.of("NUL as an event type, read as no type at all", "GET", "/api/v1/events?types=%00", "",
						400),
				Arguments.of("an empty event type in a list", "GET", "/api/v1/events?types=case.reported,,case.filed",
						"", 400),
				Arguments.of("multipart Content-Type on a GET", "GET", "/api/v1/org/units/149901", "multipart", 400),
				Arguments.of("an Accept header that is no media type", "GET", "/api/v1/cases", "accept", 406));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedRequests")
	void isAProblemOfItsStatus(String why, String method, String path, String variant, int status) throws Exception {
		HttpRequest.Builder request = authorized(path).method(method, HttpRequest.BodyPublishers.noBody());
		switch (variant) {
			case "multipart" -> request.header("Content-Type", "multipart/form-data");
			case "accept" -> request.header("Accept", "garbage");
			case "" -> {
			}
			default -> request.header("X-Padding", variant);
		}
		assertProblem(send(request), status);
	}

	@Test
	void anUnknownPathIsANotFoundProblem() throws Exception {
		HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/console/no-such-file.js")).GET());

		assertProblem(unknown, 404);
		assertThat(json.readTree(unknown.body()).path("type").asText()).isEqualTo("urn:casegrid:problem:not-found");
		assertThat(json.readTree(unknown.body()).path("title").asText()).isEqualTo("Not found");
	}

	@Test
	void nullElementOfAListIsNamed() throws Exception {
		String report = """
				{"channel": "GRID_REPORT", "categoryCode": "FLY_WIRE_CHARGING", "title": "t", "description": "d",
				 "location": {"address": "a", "unitCode": "149901001001001"}, "attachments": [null]}""";
		HttpResponse<String> response = send(authorized("/api/v1/cases").POST(HttpRequest.BodyPublishers.ofString(report))
			.header("Content-Type", "application/json"));

		assertProblem(response, 400);
		assertThat(json.readTree(response.body()).path("errors").path(0).path("field").asText())
			.isEqualTo("attachments[0]");
	}

	/** A C1 control character in a header: raw, as {@link HttpClient} would not send it. */
	@Test
	void headerTheFirewallRefusesWhenItIsReadIsAProblem() throws Exception {
		String body = "{\"reason\": \"r\"}";
		String request = "POST /api/v1/cases/0ca11745-ab17-4be3-a217-b89384dccafa/escalate HTTP/1.1\r\n"
				+ "Host: localhost\r\nConnection: close\r\nAuthorization: Bearer " + TestKeycloak.tokenFor(DemoUsers.CENTRE)
				+ "\r\nContent-Type: application/json\r\nIdempotency-Key: \u00e5\u00b9\u0082\r\nContent-Length: "
				+ body.length() + "\r\n\r\n" + body;
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(response).startsWith("HTTP/1.1 400 ")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"status\":400");
		}
	}

	private HttpRequest.Builder authorized(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + TestKeycloak.tokenFor(DemoUsers.CENTRE));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertProblem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asText()).startsWith("urn:casegrid:problem:");
		assertThat(problem.path("title").asText()).isNotBlank();
	}

}
