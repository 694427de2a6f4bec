package io.casegrid.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords the engine REST API's basic credentials may cost before the service stops asking
 * Keycloak. Keycloak locks a user out after its {@code failureFactor} failures (10 in the demo realm) and at once
 * after two failures within a second (its quick-login check); the service must never be the tool that does that to
 * someone else's account. So a user name gets at most {@code perUser} failures, at least {@code pause} apart (one
 * check at a time), until {@code window} has passed since its last failure; an address at most {@code perAddress}.
 * Past that, the answer is 429 with {@code Retry-After} and Keycloak is not asked.
 * <p>
 * The counts are per node: keep {@code perUser} × nodes below the realm's {@code failureFactor}, and {@code window}
 * at least the realm's failure reset time ({@code maxDeltaTimeSeconds}), so that Keycloak has forgotten a user's
 * failures whenever the service does.
 *
 * @param perUser failures of one user name within the window
 * @param perAddress failures from one client address within the window
 * @param window how long after its last failure a user name or address is counted against
 * @param pause the least time between a failure and the next check of the same user name
 * @param tracked how many user names and addresses are remembered at most (the idle ones are forgotten first)
 */
@ConfigurationProperties("casegrid.engine-rest.password-attempts")
record PasswordAttemptLimits(@DefaultValue("4") int perUser, @DefaultValue("20") int perAddress,
		@DefaultValue("PT15M") Duration window, @DefaultValue("PT2S") Duration pause,
		@DefaultValue("100000") int tracked) {
}
