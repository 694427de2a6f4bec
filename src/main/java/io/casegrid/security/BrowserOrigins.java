package io.casegrid.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The browser apps (signed in through the public PKCE client {@code casegrid-web}) that may call the API from another
 * origin. Only these origins get CORS answers; tokens, not cookies, carry the identity, so no credentials are allowed.
 *
 * @param allowedOrigins e.g. {@code https://grid.county.example}; empty turns CORS off
 */
@ConfigurationProperties("casegrid.web")
record BrowserOrigins(@DefaultValue List<String> allowedOrigins) {

	CorsConfigurationSource corsConfiguration() {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (allowedOrigins.isEmpty()) {
			return source;
		}
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(allowedOrigins);
		api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept"));
		api.setExposedHeaders(List.of("Location", "Idempotent-Replayed", "WWW-Authenticate"));
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		source.registerCorsConfiguration("/api/**", api);
		return source;
	}

}
