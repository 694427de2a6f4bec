package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps and engine REST API are closed to anonymous users. The webapps sign in through Keycloak and let
 * in only the roles that need them; the engine REST API takes process designers and administrators, by bearer token
 * or by basic credentials that Keycloak checks.
 */
@HttpTest
class CamundaWebappsHttpTests {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

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
		HttpClient browser = signedIn(DemoUsers.ADMIN);

		HttpResponse<String> cockpit = browser.send(page("/camunda/app/cockpit/default/"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(cockpit.uri().toString()).startsWith("http://localhost:" + port + "/camunda/app/cockpit/");
		HttpResponse<String> user = browser.send(get("/camunda/api/admin/auth/user/default"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"admin\"").contains("cockpit");
	}

	@Test
	void gridWorkerSignedInThroughKeycloakIsKeptOutOfCockpit() throws Exception {
		HttpClient browser = signedIn(DemoUsers.GRID_WORKER_DONGGUAN_1);

		assertThat(browser.send(page("/camunda/app/cockpit/default/"), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		assertThat(browser.send(get("/camunda/api/engine/engine/default/task"), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
	}

	/** A browser that followed the sign-in from the webapps through Keycloak's login form and back. */
	private HttpClient signedIn(String username) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new LoopbackCookies())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<String> loginPage = browser.send(page("/camunda/app/cockpit/default/"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.uri().toString()).startsWith(TestKeycloak.issuer());
		Matcher form = LOGIN_FORM.matcher(loginPage.body());
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		String action = form.group(1).replace("&amp;", "&");
		HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
					+ "&password=demo&credentialId="))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(back.uri().getHost()).as("back at the service after signing in: " + back.body())
			.isEqualTo("localhost");
		return browser;
	}

	/**
	 * Cookies as browsers keep them for 127.0.0.1 and localhost, which they count as secure contexts: Keycloak's
	 * {@code Secure} session cookies go back over plain HTTP (Java's cookie manager would drop them).
	 */
	private static final class LoopbackCookies extends CookieHandler {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return cookies.get(secure(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			cookies.put(secure(uri), headers);
		}

		private static URI secure(URI uri) {
			try {
				return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), null, null);
			}
			catch (java.net.URISyntaxException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

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
