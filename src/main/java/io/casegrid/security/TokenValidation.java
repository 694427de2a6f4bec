package io.casegrid.security;

import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How an access token is checked: signed (RS256) by a key of the realm's JWK set — unsigned {@code alg=none} tokens
 * never parse —, issued by the realm, meant for the API ({@code aud}), not expired or not yet valid, and an access
 * token: Keycloak signs ID tokens ({@code typ: ID}) and refresh tokens with the same keys and may put the API in
 * their audience too, so only {@code typ: Bearer} is taken.
 */
final class TokenValidation {

	/** Keycloak's claim for the kind of token: {@code Bearer} (access), {@code ID}, {@code Refresh}, … */
	static final String TOKEN_TYPE = "typ";

	static final String ACCESS_TOKEN = "Bearer";

	private TokenValidation() {
	}

	static NimbusJwtDecoder decoder(String issuer, String jwkSetUri, String audience, Duration clockSkew) {
		// keys are fetched on the first token, so the service may start before Keycloak answers
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.contains(audience)),
				new JwtClaimValidator<String>(TOKEN_TYPE, ACCESS_TOKEN::equals)));
		return decoder;
	}

}
