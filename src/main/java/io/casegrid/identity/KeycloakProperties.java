package io.casegrid.identity;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where identity comes from.
 *
 * @param issuerUri an external realm's issuer; blank means the service starts the embedded Keycloak
 * @param audience the API's client id, required in every token's {@code aud}
 * @param clientId the service's own confidential client (webapp sign-in, password checks, directory look-ups)
 * @param clientSecret its secret
 * @param clockSkew how far Keycloak's and the service's clocks may differ when checking {@code exp}/{@code nbf}
 * @param embedded the Keycloak started when no issuer is given
 */
@ConfigurationProperties("casegrid.keycloak")
public record KeycloakProperties(String issuerUri, String audience, String clientId, String clientSecret,
		Duration clockSkew, Embedded embedded) {

	public boolean external() {
		return issuerUri != null && !issuerUri.isBlank();
	}

	/**
	 * @param home the unpacked {@code keycloak-quarkus-dist}
	 * @param dataDir its dev store and log
	 * @param port its HTTP port on 127.0.0.1 (0: a free one)
	 * @param realm the realm of {@code keycloak-realm/<realm>-realm.json}
	 * @param adminUsername the master realm's bootstrap administrator
	 */
	public record Embedded(Path home, Path dataDir, int port, String realm, String adminUsername,
			String adminPassword, Duration startupTimeout) {
	}

}
