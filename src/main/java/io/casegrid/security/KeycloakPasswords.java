package io.casegrid.security;

import io.casegrid.identity.KeycloakEndpoints;
import io.casegrid.identity.KeycloakProperties;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Checks a user name and password against Keycloak (the password grant of the service's own client) and turns the
 * token Keycloak answers with into the same authentication a bearer token gives. This lets tools that only speak
 * basic credentials — Camunda Modeler's deploy button — use the engine REST API without the service ever storing a
 * password. Every request is checked again: nothing is cached, so a disabled user is refused at once.
 */
@Component
class KeycloakPasswords implements AuthenticationProvider {

	private final RestClient http = RestClient.create();

	private final KeycloakEndpoints keycloak;

	private final KeycloakProperties properties;

	private final JwtDecoder tokens;

	private final TokenActors actors;

	KeycloakPasswords(KeycloakEndpoints keycloak, KeycloakProperties properties, JwtDecoder tokens,
			TokenActors actors) {
		this.keycloak = keycloak;
		this.properties = properties;
		this.tokens = tokens;
		this.actors = actors;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("grant_type", "password");
		form.add("client_id", properties.clientId());
		form.add("client_secret", properties.clientSecret());
		form.add("username", authentication.getName());
		form.add("password", String.valueOf(authentication.getCredentials()));
		form.add("scope", "openid");
		TokenAnswer answer;
		try {
			answer = http.post()
				.uri(keycloak.tokenUri())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(TokenAnswer.class);
		}
		catch (RestClientResponseException ex) {
			throw new BadCredentialsException("Keycloak refused the user name and password");
		}
		if (answer == null || answer.access_token() == null) {
			throw new BadCredentialsException("Keycloak gave no token");
		}
		return actors.convert(tokens.decode(answer.access_token()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@SuppressWarnings("checkstyle:RecordComponentName")
	private record TokenAnswer(String access_token) {
	}

}
