package io.casegrid.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code keycloak} (part of readiness): DOWN when the realm does not answer, and — for the Keycloak the
 * service started itself — when that process is gone, even if some other server answers on its port (a stale
 * Keycloak that nothing would stop, with another store).
 */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

	private final KeycloakEndpoints endpoints;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	KeycloakHealthIndicator(KeycloakEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public Health health() {
		Health.Builder health = new Health.Builder().withDetail("issuer", endpoints.issuer())
			.withDetail("embedded", endpoints.isEmbedded());
		if (endpoints.isEmbedded() && !endpoints.embeddedServer().isRunning()) {
			return health.down()
				.withDetail("reason", "the Keycloak casegrid started has exited; see "
						+ endpoints.embeddedServer().logFile().toAbsolutePath())
				.build();
		}
		HttpRequest discovery = HttpRequest
			.newBuilder(URI.create(endpoints.issuer() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(3))
			.build();
		try {
			int status = http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status == 200 ? health.up().build()
					: health.down().withDetail("reason", "the realm answered " + status).build();
		}
		catch (IOException ex) {
			return health.down().withDetail("reason", "the realm does not answer: " + ex).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return health.unknown().build();
		}
	}

}
