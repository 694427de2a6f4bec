package io.casegrid.security;

import java.time.Clock;
import java.time.Duration;

import io.casegrid.identity.KeycloakEndpoints;
import io.casegrid.identity.KeycloakProperties;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Keycloak and turns the token Keycloak answers with into the same
 * authentication a bearer token gives. This lets tools that only speak basic credentials — Camunda Modeler's deploy
 * button — use the engine REST API without the service ever storing a password. Every request is checked again:
 * nothing is cached, so a disabled user is refused at once.
 * <p>
 * Each request asks Keycloak once at most: the {@link #provider()} is added to the engine REST chain only, and is no
 * bean of its own — Spring Boot would also put an {@link AuthenticationProvider} bean into the global authentication
 * manager, which the chain asks again after a failure, so that every wrong password counted twice in Keycloak and two
 * of them at once locked the user out. Failures are limited by {@link PasswordAttempts}.
 */
@Component
class KeycloakPasswords {

	private final AuthenticationProvider provider;

	KeycloakPasswords(KeycloakEndpoints keycloak, KeycloakProperties properties, JwtDecoder tokens,
			TokenActors actors, PasswordAttemptLimits limits) {
		KeycloakPasswordGrant grant = new KeycloakPasswordGrant(keycloak.tokenUri(), properties.clientId(),
				properties.clientSecret(), Duration.ofSeconds(2), Duration.ofSeconds(10));
		PasswordAttempts attempts = new PasswordAttempts(limits, Clock.systemUTC());
		this.provider = new Provider(grant, attempts, tokens, actors);
	}

	/** The provider for the engine REST chain's basic credentials. */
	AuthenticationProvider provider() {
		return provider;
	}

	private record Provider(KeycloakPasswordGrant grant, PasswordAttempts attempts, JwtDecoder tokens,
			TokenActors actors) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			String address = authentication.getDetails() instanceof WebAuthenticationDetails web
					? web.getRemoteAddress() : "unknown";
			PasswordAttempts.Permit permit = attempts.admit(authentication.getName(), address);
			String token;
			try {
				token = grant.accessToken(authentication.getName(), String.valueOf(authentication.getCredentials()));
			}
			catch (BadCredentialsException ex) {
				permit.failed();
				throw ex;
			}
			catch (RuntimeException ex) {
				permit.undecided();
				throw ex;
			}
			permit.succeeded();
			try {
				return actors.convert(tokens.decode(token));
			}
			catch (JwtException ex) {
				// Keycloak's own fresh token not accepted: the service and Keycloak disagree on the realm's keys or issuer
				throw new KeycloakUnreachable("Keycloak's token could not be checked: " + ex.getMessage(), ex);
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
