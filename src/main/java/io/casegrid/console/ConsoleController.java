package io.casegrid.console;

import io.casegrid.identity.KeycloakEndpoints;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's pages are static files ({@code static/console}); this serves its entry page and tells it where to
 * sign in. Everything a page shows it reads from {@code /api/v1} with the signed-in person's token, so the console
 * has no data and no rules of its own.
 */
@Controller
class ConsoleController {

	private final KeycloakEndpoints keycloak;

	private final ConsoleProperties properties;

	ConsoleController(KeycloakEndpoints keycloak, ConsoleProperties properties) {
		this.keycloak = keycloak;
		this.properties = properties;
	}

	@GetMapping({ "/console", "/console/" })
	String page() {
		return "forward:/console/index.html";
	}

	@GetMapping(path = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ConsoleConfig config() {
		return new ConsoleConfig(keycloak.issuer(), properties.clientId(), properties.tileUrl(),
				properties.tileAttribution(), properties.boardRefresh().toMillis());
	}

	record ConsoleConfig(String issuer, String clientId, String tileUrl, String tileAttribution,
			long boardRefreshMillis) {
	}

}
