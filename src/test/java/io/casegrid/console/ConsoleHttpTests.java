package io.casegrid.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's own few paths: its page and settings are public (they hold no data); its token relay is narrow. */
@HttpTest
class ConsoleHttpTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void consolePageAndItsSignInSettingsAreServedWithoutSigningIn() throws Exception {
		HttpResponse<String> page = get("/console");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\">", "/webjars/leaflet/1.9.4/dist/leaflet.js");
		assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
		HttpResponse<String> config = get("/console/config.json");
		assertThat(config.body()).contains("\"clientId\":\"casegrid-web\"", "\"issuer\":\"" + TestKeycloak.issuer() + "\"");
	}

	@Test
	void tokenRelayPassesOnlyThePublicClientsCodeExchangeAndRefresh() throws Exception {
		HttpResponse<String> password = post("/console/token",
				"grant_type=password&username=grid-dg1&password=demo&client_id=casegrid-cli");
		assertThat(password.statusCode()).isEqualTo(400);
		assertThat(password.body()).contains("unsupported_grant_type").doesNotContain("access_token");

		HttpResponse<String> badCode = post("/console/token",
				"grant_type=authorization_code&code=nope&code_verifier=x&redirect_uri=http://localhost:" + port + "/console/");
		assertThat(badCode.statusCode()).as("Keycloak's own answer to a code it never issued").isEqualTo(400);
		assertThat(badCode.body()).contains("invalid_grant");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
