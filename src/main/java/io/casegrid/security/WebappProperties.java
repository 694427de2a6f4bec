package io.casegrid.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Camunda webapps' sign-in.
 *
 * @param recheckInterval how long a webapp session goes on before Keycloak is asked again whether its user may still
 * sign in ({@link WebappSessions})
 */
@ConfigurationProperties("casegrid.webapp")
record WebappProperties(Duration recheckInterval) {

	WebappProperties {
		if (recheckInterval == null) {
			recheckInterval = Duration.ofMinutes(1);
		}
	}

}
