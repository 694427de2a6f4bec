package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only access tokens ({@code typ: Bearer}) are taken. Keycloak signs ID tokens with the same realm keys, and the ID
 * token of the service's own client ({@code casegrid-api}, which the webapps sign in with) names the API in its
 * {@code aud}: signature, issuer and audience alone let it through. Such a token is 401, not a 403 for lack of roles.
 */
@HttpTest
class AccessTokenTypeHttpTests {

	/** The demo secret of the realm's {@code casegrid-api} client (keycloak-realm/casegrid-realm.json). */
	private static final String API_CLIENT_SECRET = "casegrid-api-demo-secret";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void idTokenNamingTheApiInItsAudienceIs401() throws Exception {
		JsonNode answer = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id", "casegrid-api",
				"client_secret", API_CLIENT_SECRET, "username", DemoUsers.CENTRE, "password", "demo", "scope", "openid"));
		String idToken = answer.get("id_token").asText();
		JsonNode claims = claims(idToken);
		assertThat(claims.get("typ").asText()).isEqualTo("ID");
		assertThat(claims.get("aud").toString()).contains("casegrid-api");

		assertUnauthorized(new CasegridClient(port, () -> idToken).get("/api/v1/cases"));
		assertThat(new CasegridClient(port, () -> answer.get("access_token").asText()).get("/api/v1/cases").statusCode())
			.as("the access token of the same answer is taken")
			.isEqualTo(200);
	}

	@Test
	void idTokenOfTheCliClientIs401() throws Exception {
		JsonNode answer = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id", TestKeycloak.CLI_CLIENT,
				"username", DemoUsers.CENTRE, "password", "demo", "scope", "openid"));
		String idToken = answer.get("id_token").asText();
		assertThat(claims(idToken).get("typ").asText()).isEqualTo("ID");

		assertUnauthorized(new CasegridClient(port, () -> idToken).get("/api/v1/cases"));
	}

	private void assertUnauthorized(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:casegrid:problem:unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
	}

	private JsonNode claims(String token) throws Exception {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

}
