package io.casegrid.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for a user name or from an address: 429, and Keycloak is not asked. */
class TooManyPasswordAttempts extends AuthenticationException {

	private final Duration retryAfter;

	TooManyPasswordAttempts(Duration retryAfter) {
		super("Too many failed sign-ins for this user name or from this address; try again in "
				+ seconds(retryAfter) + " s");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least one. */
	long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
