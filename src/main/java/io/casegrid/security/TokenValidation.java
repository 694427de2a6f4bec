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
 * never parse —, issued by the realm, meant for the API ({@code aud}), and not expired or not yet valid.
 */
final class TokenValidation {

	private TokenValidation() {
	}

	static NimbusJwtDecoder decoder(String issuer, String jwkSetUri, String audience, Duration clockSkew) {
		// keys are fetched on the first token, so the service may start before Keycloak answers
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
				new JwtIssuerValidator(issuer), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.contains(audience))));
		return decoder;
	}

}
