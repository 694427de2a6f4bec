package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Which access tokens the API takes: those the casegrid realm signed for the API and that are still valid, got by
 * the password grant or by client credentials. Everything else is 401 with a problem body and a
 * {@code WWW-Authenticate} that says why.
 */
@HttpTest
class TokenHttpTests {

	/** A client of the realm whose tokens live one second, created for this test and removed after it. */
	static final String SHORT_LIVED_CLIENT = "test-short-lived-tokens";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void createShortLivedClient() {
		try (Keycloak admin = TestKeycloak.admin()) {
			ClientRepresentation client = new ClientRepresentation();
			client.setClientId(SHORT_LIVED_CLIENT);
			client.setPublicClient(true);
			client.setDirectAccessGrantsEnabled(true);
			client.setStandardFlowEnabled(false);
			client.setAttributes(Map.of("access.token.lifespan", "1"));
			ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
			audience.setName("casegrid-api audience");
			audience.setProtocol("openid-connect");
			audience.setProtocolMapper("oidc-audience-mapper");
			audience.setConfig(Map.of("included.client.audience", "casegrid-api", "access.token.claim", "true"));
			client.setProtocolMappers(List.of(audience));
			admin.realm(TestKeycloak.REALM).clients().create(client).close();
		}
	}

	@AfterAll
	static void removeShortLivedClient() {
		try (Keycloak admin = TestKeycloak.admin()) {
			var clients = admin.realm(TestKeycloak.REALM).clients();
			clients.findByClientId(SHORT_LIVED_CLIENT).forEach(c -> clients.get(c.getId()).remove());
		}
	}

	@Test
	void passwordGrantTokenIsAccepted() throws Exception {
		var response = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).get("/api/v1/org/units");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void clientCredentialsTokenIsAcceptedAndTheHotlineReadsOnlyWhatItReported() throws Exception {
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		var reported = hotline.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(io.casegrid.client.model.Channel.HOTLINE_12345)
			.channelReference("12345-" + UUID.randomUUID()), null);
		assertThat(reported.getTimeline().get(0).getActor()).isEqualTo(DemoUsers.HOTLINE);
		assertThat(hotline.cases.getCase(reported.getId()).getStep()).isNotNull();

		UUID someoneElses = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).intake
			.reportCase(CasegridClient.flyingWireReport(), null)
			.getId();
		assertThat(CasegridClient.statusOf(() -> hotline.cases.getCase(someoneElses))).isEqualTo(404);
		assertThat(hotline.cases.listCases(null, null, null, null, null, null, null, 0, 200).getItems())
			.allSatisfy(c -> assertThat(c.getId()).isNotEqualTo(someoneElses))
			.anySatisfy(c -> assertThat(c.getId()).isEqualTo(reported.getId()));
		assertThat(hotline.get("/api/v1/tasks").statusCode()).as("the hotline may not see tasks").isEqualTo(403);
	}

	@Test
	void noTokenIs401ProblemWithBearerChallenge() throws Exception {
		HttpResponse<String> response = CasegridClient.anonymous(port).get("/api/v1/cases");
		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void expiredTokenIs401() throws Exception {
		JsonNode answer = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id", SHORT_LIVED_CLIENT,
				"username", DemoUsers.CENTRE, "password", "demo"));
		assertThat(answer.get("expires_in").asInt()).isEqualTo(1);
		String token = answer.get("access_token").asText();
		// past exp plus the tests' clock skew of one second
		Thread.sleep(Duration.ofMillis(3500).toMillis());

		HttpResponse<String> response = new CasegridClient(port, () -> token).get("/api/v1/org/units");

		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).contains("invalid_token").containsIgnoringCase("expired"));
	}

	@Test
	void tokenOfAnotherRealmIs401() throws Exception {
		JsonNode answer = TestKeycloak.tokenResponse("master", Map.of("grant_type", "password", "client_id",
				"admin-cli", "username", TestKeycloak.ADMIN_USERNAME, "password", TestKeycloak.ADMIN_PASSWORD));
		String masterRealmToken = answer.get("access_token").asText();
		assertThat(claims(masterRealmToken).get("iss").asText()).endsWith("/realms/master");

		assertUnauthorized(new CasegridClient(port, () -> masterRealmToken).get("/api/v1/org/units"));
	}

	@Test
	void issuerIsCheckedEvenWhenTheSignatureIsGood() {
		String token = TestKeycloak.tokenFor(DemoUsers.CENTRE);
		String jwks = TestKeycloak.issuer() + "/protocol/openid-connect/certs";
		var expectingAnotherIssuer = TokenValidation.decoder(TestKeycloak.issuer() + "-elsewhere", jwks,
				"casegrid-api", Duration.ofSeconds(1));
		var expectingThisIssuer = TokenValidation.decoder(TestKeycloak.issuer(), jwks, "casegrid-api",
				Duration.ofSeconds(1));

		assertThat(expectingThisIssuer.decode(token).getSubject()).isNotBlank();
		assertThat(catchThrowable(() -> expectingAnotherIssuer.decode(token)))
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("iss");
	}

	@Test
	void tokenForAnotherAudienceIs401() throws Exception {
		// admin-cli is a client of the casegrid realm without the API audience: well signed, right issuer, wrong aud
		JsonNode answer = TestKeycloak.tokenResponse(Map.of("grant_type", "password", "client_id", "admin-cli",
				"username", DemoUsers.CENTRE, "password", "demo"));
		String token = answer.get("access_token").asText();
		assertThat(claims(token).get("iss").asText()).isEqualTo(TestKeycloak.issuer());
		assertThat(claims(token).path("aud").toString()).doesNotContain("casegrid-api");

		HttpResponse<String> response = new CasegridClient(port, () -> token).get("/api/v1/org/units");

		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).contains("invalid_token").contains("aud"));
	}

	@Test
	void unsignedTokenIs401() throws Exception {
		String signed = TestKeycloak.tokenFor(DemoUsers.CENTRE);
		String payload = signed.split("\\.")[1];
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String unsigned = header + "." + payload + ".";

		assertUnauthorized(new CasegridClient(port, () -> unsigned).get("/api/v1/org/units"));
		var decoder = TokenValidation.decoder(TestKeycloak.issuer(),
				TestKeycloak.issuer() + "/protocol/openid-connect/certs", "casegrid-api", Duration.ofSeconds(1));
		assertThat(catchThrowable(() -> decoder.decode(unsigned))).isInstanceOf(BadJwtException.class)
			.hasMessageContaining("none");
	}

	@Test
	void tamperedTokenIs401() throws Exception {
		String[] parts = TestKeycloak.tokenFor(DemoUsers.GRID_WORKER_DONGGUAN_1).split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"grid-worker\"", "\"county-centre\"");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

		assertUnauthorized(new CasegridClient(port, () -> forged).get("/api/v1/cases"));
	}

	@Test
	void validTokenWithoutTheRoleIs403ProblemWithInsufficientScope() throws Exception {
		HttpResponse<String> response = new CasegridClient(port, DemoUsers.DESIGNER).get("/api/v1/cases");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:casegrid:problem:forbidden");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
	}

	private void assertUnauthorized(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:casegrid:problem:unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer"));
	}

	private JsonNode claims(String token) throws Exception {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

}
