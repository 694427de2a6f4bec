package io.casegrid.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The realm the service trusts, and its OpenID Connect endpoints (Keycloak's fixed layout under the issuer, so
 * nothing has to be fetched before Keycloak is up).
 */
public final class KeycloakEndpoints {

	private final String issuer;

	private final KeycloakServer embedded;

	private volatile boolean externalReady;

	KeycloakEndpoints(String issuer, KeycloakServer embedded) {
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
		this.embedded = embedded;
		if (!this.issuer.contains("/realms/")) {
			throw new IllegalArgumentException("Not a Keycloak realm issuer (…/realms/<realm>): " + issuer);
		}
	}

	public static KeycloakEndpoints of(String issuer) {
		return new KeycloakEndpoints(issuer, null);
	}

	public String issuer() {
		return issuer;
	}

	/** The server's base URL, for the admin client. */
	public String serverUrl() {
		return issuer.substring(0, issuer.indexOf("/realms/"));
	}

	public String realm() {
		return issuer.substring(issuer.indexOf("/realms/") + "/realms/".length());
	}

	public String jwkSetUri() {
		return issuer + "/protocol/openid-connect/certs";
	}

	public String tokenUri() {
		return issuer + "/protocol/openid-connect/token";
	}

	public String authorizationUri() {
		return issuer + "/protocol/openid-connect/auth";
	}

	public String userInfoUri() {
		return issuer + "/protocol/openid-connect/userinfo";
	}

	public String logoutUri() {
		return issuer + "/protocol/openid-connect/logout";
	}

	/**
	 * Blocks until the realm is served: the embedded Keycloak has started (or died, which fails at once), or an
	 * external one answers (for at most a minute).
	 */
	public KeycloakEndpoints awaitReady() {
		if (embedded != null) {
			embedded.awaitReady();
		}
		else if (!externalReady) {
			awaitExternal(Duration.ofMinutes(1));
			externalReady = true;
		}
		return this;
	}

	private void awaitExternal(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			try {
				if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not reachable yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Keycloak realm " + issuer + " did not answer within " + timeout);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
		}
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

	/** The Keycloak the service started, or null with an external one. */
	KeycloakServer embeddedServer() {
		return embedded;
	}

}
