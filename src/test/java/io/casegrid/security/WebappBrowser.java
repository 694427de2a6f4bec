package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.casegrid.identity.TestKeycloak;

/**
 * A browser signed in to the Camunda webapps through Keycloak's login form, as a person does it: it keeps the
 * session cookie and sends Camunda's CSRF token ({@code X-XSRF-TOKEN}) with every change, as Cockpit's pages do.
 */
final class WebappBrowser {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private final int port;

	private final LoopbackCookies cookies = new LoopbackCookies();

	private final HttpClient http;

	private WebappBrowser(int port, HttpClient.Redirect redirects) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(redirects).build();
	}

	/** Follows the sign-in from Cockpit through Keycloak's login form and back. */
	static WebappBrowser signedIn(int port, String username, String password) throws Exception {
		WebappBrowser browser = new WebappBrowser(port, HttpClient.Redirect.NORMAL);
		HttpResponse<String> loginPage = browser.page("/camunda/app/cockpit/default/");
		assertThat(loginPage.uri().toString()).startsWith(TestKeycloak.issuer());
		Matcher form = LOGIN_FORM.matcher(loginPage.body());
		assertThat(form.find()).as("Keycloak's login form").isTrue();
		String action = form.group(1).replace("&amp;", "&");
		HttpResponse<String> back = browser.http.send(HttpRequest.newBuilder(URI.create(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId="))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(back.uri().getHost()).as("back at the service after signing in: " + back.body())
			.isEqualTo("localhost");
		return browser;
	}

	static WebappBrowser signedIn(int port, String username) throws Exception {
		return signedIn(port, username, "demo");
	}

	/** What a browser asks for when it opens a page. */
	HttpResponse<String> page(String path) throws IOException, InterruptedException {
		return http.send(request(path).header("Accept", "text/html,application/xhtml+xml").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** What Cockpit's scripts ask for: JSON from the webapps' APIs. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).header("Accept", "application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A change through the webapps' APIs, with the CSRF token Camunda handed out. */
	HttpResponse<String> send(String method, String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		return http.send(request(path).header("Accept", "application/json")
			.header("Content-Type", contentType)
			.header("X-XSRF-TOKEN", csrfToken())
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> sendJson(String method, String path, String json) throws IOException, InterruptedException {
		return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	/** A request without the CSRF header, as another site's link or form would send it (cookies included). */
	HttpResponse<String> plain(String method, String path) throws IOException, InterruptedException {
		return http.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	List<HttpCookie> cookies() {
		return cookies.store().getCookies();
	}

	private String csrfToken() throws IOException, InterruptedException {
		String token = csrfCookie();
		if (token == null) {
			get("/camunda/api/admin/auth/user/default");
			token = csrfCookie();
		}
		assertThat(token).as("Camunda's XSRF-TOKEN cookie").isNotNull();
		return token;
	}

	private String csrfCookie() {
		return cookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
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

		java.net.CookieStore store() {
			return cookies.getCookieStore();
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

}
