package io.casegrid.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.casegrid.identity.KeycloakEndpoints;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's token requests, relayed to Keycloak's token endpoint from the console's own origin: the browser then
 * needs no CORS answer from Keycloak (whose web origins cannot follow a county's host names and ports). Only the
 * public client's two grants pass — the PKCE code exchange and the refresh — with the client id fixed here; the
 * relay adds no secret and keeps nothing, so a token is exactly what Keycloak would hand the browser directly.
 */
@RestController
class ConsoleTokens {

	private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");

	private static final Set<String> PARAMETERS = Set.of("grant_type", "code", "redirect_uri", "code_verifier",
			"refresh_token");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final KeycloakEndpoints keycloak;

	private final ConsoleProperties properties;

	ConsoleTokens(KeycloakEndpoints keycloak, ConsoleProperties properties) {
		this.keycloak = keycloak;
		this.properties = properties;
	}

	@PostMapping(path = "/console/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> token(@RequestParam MultiValueMap<String, String> form)
			throws IOException, InterruptedException {
		if (!GRANTS.contains(form.getFirst("grant_type"))) {
			return ResponseEntity.badRequest().body("{\"error\":\"unsupported_grant_type\"}");
		}
		Map<String, String> relayed = new LinkedHashMap<>();
		PARAMETERS.stream().filter(form::containsKey).forEach(name -> relayed.put(name, form.getFirst(name)));
		relayed.put("client_id", properties.clientId());
		HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.POST(HttpRequest.BodyPublishers.ofString(relayed.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"))))
			.build();
		HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
		return ResponseEntity.status(answer.statusCode())
			.header("Cache-Control", "no-store")
			.body(answer.body());
	}

}
