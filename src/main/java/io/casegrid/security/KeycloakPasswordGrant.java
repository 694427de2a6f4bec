package io.casegrid.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One question to Keycloak: are this user name and password right? Asked through the password grant of the
 * service's own client; the answer is an access token, {@link BadCredentialsException} (Keycloak's 400
 * {@code invalid_grant}), or {@link KeycloakUnreachable} for anything else — no answer within the timeouts, a
 * server error, or a refusal of the service's own client.
 */
final class KeycloakPasswordGrant {

	private static final Logger log = LoggerFactory.getLogger(KeycloakPasswordGrant.class);

	private final RestClient http;

	private final String tokenUri;

	private final String clientId;

	private final String clientSecret;

	KeycloakPasswordGrant(String tokenUri, String clientId, String clientSecret, Duration connectTimeout,
			Duration readTimeout) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(connectTimeout);
		requests.setReadTimeout(readTimeout);
		this.http = RestClient.builder().requestFactory(requests).build();
		this.tokenUri = tokenUri;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/** The access token Keycloak gives for these credentials. */
	String accessToken(String username, String password) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("grant_type", "password");
		form.add("client_id", clientId);
		form.add("client_secret", clientSecret);
		form.add("username", username);
		form.add("password", password);
		form.add("scope", "openid");
		TokenAnswer answer;
		try {
			answer = http.post()
				.uri(tokenUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(TokenAnswer.class);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
				throw new BadCredentialsException("Keycloak refused the user name and password");
			}
			log.warn("Keycloak answered the password check with {}", ex.getStatusCode());
			throw new KeycloakUnreachable("Keycloak could not check the password right now; retry later", ex);
		}
		catch (RestClientException ex) {
			log.warn("Keycloak is unreachable for password checks: {}", ex.getMessage());
			throw new KeycloakUnreachable("Keycloak could not check the password right now; retry later", ex);
		}
		if (answer == null || answer.access_token() == null) {
			throw new KeycloakUnreachable("Keycloak gave no token", null);
		}
		return answer.access_token();
	}

	@SuppressWarnings("checkstyle:RecordComponentName")
	private record TokenAnswer(String access_token) {
	}

}
