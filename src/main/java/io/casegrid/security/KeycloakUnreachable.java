package io.casegrid.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** Keycloak did not say whether the password is right (down, timed out, or refused the service's own client): 503. */
class KeycloakUnreachable extends AuthenticationServiceException {

	KeycloakUnreachable(String message, Throwable cause) {
		super(message, cause);
	}

}
