package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps and engine REST API are closed to anonymous users. The webapps sign in through Keycloak and let
 * in only the roles that need them; the engine REST API takes process designers, deployers and administrators, by
 * bearer token or by basic credentials that Keycloak checks. What each role may do once inside:
 * {@code CockpitAuthorizationHttpTests}, {@code EngineRestAuthorizationHttpTests}.
 */
@HttpTest
class CamundaWebappsHttpTests {

	@LocalServerPort
	int port;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void anonymousUsersAreSentToKeycloakFromTheWebappsAndRefusedByTheirApis() throws Exception {
		HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		HttpResponse<String> cockpit = noRedirects.send(page("/camunda/app/cockpit/default/"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cockpit.statusCode()).isEqualTo(302);
		assertThat(cockpit.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
		HttpResponse<String> login = noRedirects.send(get("/oauth2/authorization/keycloak"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
			.startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth")
			.contains("client_id=casegrid-api"));

		assertThat(noRedirects.send(get("/camunda/api/engine/engine/"), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(noRedirects.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void anonymousUsersAreRefusedByTheEngineRestApi() throws Exception {
		HttpResponse<String> response = CasegridClient.anonymous(port).get("/engine-rest/process-definition");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).anySatisfy(c -> assertThat(c).startsWith("Basic"))
			.anySatisfy(c -> assertThat(c).startsWith("Bearer"));
		assertThat(response.body()).doesNotContain("CaseLifecycle");
	}

	@Test
	void engineRestTakesDesignersAndAdministratorsOnly() throws Exception {
		assertThat(new CasegridClient(port, DemoUsers.DESIGNER).get("/engine-rest/process-definition?key=CaseLifecycle")
			.body()).contains("\"key\":\"CaseLifecycle\"");
		assertThat(new CasegridClient(port, DemoUsers.ADMIN).get("/engine-rest/engine").statusCode()).isEqualTo(200);
		assertThat(new CasegridClient(port, DemoUsers.CENTRE).get("/engine-rest/engine").statusCode()).isEqualTo(403);
		assertThat(new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).get("/engine-rest/task").statusCode())
			.isEqualTo(403);
	}

	@Test
	void engineRestTakesBasicCredentialsThatKeycloakAccepts() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		assertThat(http.send(basic("/engine-rest/process-definition?key=CaseLifecycle", DemoUsers.DESIGNER, "demo"),
				HttpResponse.BodyHandlers.ofString()).body()).contains("\"key\":\"CaseLifecycle\"");
		// a user Keycloak does not know: a wrong password for a demo user would count towards its lock-out
		assertThat(http.send(basic("/engine-rest/engine", "nobody", "wrong"),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		assertThat(http.send(basic("/engine-rest/engine", DemoUsers.GRID_WORKER_DONGGUAN_1, "demo"),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
	}

	@Test
	void administratorSignsInThroughKeycloakAndCamundaKnowsWhoTheyAre() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.ADMIN);

		HttpResponse<String> cockpit = browser.page("/camunda/app/cockpit/default/");
		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(cockpit.uri().toString()).startsWith("http://localhost:" + port + "/camunda/app/cockpit/");
		HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"admin\"").contains("cockpit");
	}

	@Test
	void supervisorSignsInToCockpitWhichCamundaOpensForThemAndNothingElse() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.SUPERVISOR);

		assertThat(browser.page("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"supervisor\"").contains("cockpit").doesNotContain("tasklist")
			.doesNotContain("\"admin\"");
		assertThat(browser.get("/camunda/api/engine/engine/default/process-definition?key=CaseLifecycle").body())
			.contains("\"key\":\"CaseLifecycle\"");
		assertThat(browser.page("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
		assertThat(browser.page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
	}

	@Test
	void gridWorkerSignedInThroughKeycloakIsKeptOutOfCockpit() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.GRID_WORKER_DONGGUAN_1);

		assertThat(browser.page("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
		// the engine API serves a grid worker their Tasklist (TasklistForFieldStaffHttpTests), nothing of Cockpit's
		assertThat(browser.get("/camunda/api/engine/engine/default/process-instance").statusCode()).isEqualTo(403);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}

	/** What a browser asks for when it opens a page. */
	private HttpRequest page(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html,application/xhtml+xml")
			.GET()
			.build();
	}

	private HttpRequest basic(String path, String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials)
			.GET()
			.build();
	}

}
