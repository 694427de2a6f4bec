package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.casegrid.HttpTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser app on an allowed origin may call the API (CORS preflight answered); other origins may not. */
@HttpTest
class BrowserOriginsHttpTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void allowedOriginGetsItsPreflightAnswered() throws Exception {
		HttpResponse<String> response = preflight("http://localhost:5173");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization", "idempotency-key");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void otherOriginIsRefused() throws Exception {
		HttpResponse<String> response = preflight("https://evil.example");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
