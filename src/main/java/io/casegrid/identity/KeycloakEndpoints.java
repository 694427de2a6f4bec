package io.casegrid.identity;

/**
 * The realm the service trusts, and its OpenID Connect endpoints (Keycloak's fixed layout under the issuer, so
 * nothing has to be fetched before Keycloak is up).
 */
public final class KeycloakEndpoints {

	private final String issuer;

	private final KeycloakServer embedded;

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

	/** Blocks until the embedded Keycloak serves the realm; an external one is assumed to be up. */
	public KeycloakEndpoints awaitReady() {
		if (embedded != null) {
			embedded.awaitReady();
		}
		return this;
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

}
