package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 7 of the security review: {@code //engine-rest/task} answered 500. A path with an empty segment is refused
 * as a 400 problem, whoever asks and wherever the empty segment is. Sent raw, as a browser or HTTP client would
 * normalise the path first.
 */
@HttpTest
class DoubleSlashPathHttpTests {

	private final int port;

	private final ObjectMapper json;

	@Autowired
	DoubleSlashPathHttpTests(@LocalServerPort int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource({ "//engine-rest/task, nobody", "//engine-rest/task, designer-basic", "//engine-rest/task, admin-bearer",
			"/engine-rest//task, admin-bearer", "//api/v1/cases, centre-bearer", "/api/v1//cases, centre-bearer",
			"//camunda/app/cockpit/default/, nobody", "//actuator/health, nobody" })
	void pathWithAnEmptySegmentIsA400Problem(String path, String caller) throws Exception {
		String response = get(path, authorization(caller));

		assertThat(response).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:validation");
		assertThat(response).doesNotContain("Exception");
	}

	private static String authorization(String caller) {
		return switch (caller) {
			case "designer-basic" -> "Basic " + Base64.getEncoder()
				.encodeToString((DemoUsers.DESIGNER + ":demo").getBytes(StandardCharsets.UTF_8));
			case "admin-bearer" -> "Bearer " + TestKeycloak.tokenFor(DemoUsers.ADMIN);
			case "centre-bearer" -> "Bearer " + TestKeycloak.tokenFor(DemoUsers.CENTRE);
			default -> null;
		};
	}

	private String get(String path, String authorization) throws IOException {
		String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
