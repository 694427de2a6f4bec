package io.casegrid.security;

import java.util.stream.Stream;

import io.casegrid.identity.KeycloakEndpoints;
import io.casegrid.identity.KeycloakProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The REST API is an OAuth2 resource server: every call carries a Keycloak access token, and each operation admits
 * the roles the contract declares for it. A path the contract does not know is refused to everybody.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	@Bean
	ApiOperations apiOperations() {
		return ApiOperations.fromContract();
	}

	@Bean
	JwtDecoder jwtDecoder(KeycloakEndpoints keycloak, KeycloakProperties properties) {
		return TokenValidation.decoder(keycloak.issuer(), keycloak.jwkSetUri(), properties.audience(),
				properties.clockSkew());
	}

	@Bean
	@Order(30)
	SecurityFilterChain api(HttpSecurity http, ApiOperations operations, JwtDecoder decoder, TokenActors actors,
			ProblemResponses problems, BrowserOrigins origins) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(paths.matcher("/api/**"))
			.cors(cors -> cors.configurationSource(origins.corsConfiguration()))
			.authorizeHttpRequests(requests -> {
				for (ApiOperations.Operation operation : operations.all()) {
					requests.requestMatchers(paths.matcher(operation.method(), operation.path()))
						.hasAnyAuthority(operation.roles().stream().map(Role::authority).toArray(String[]::new));
				}
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(actors))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * The contract, its Swagger UI, health and the console's static pages (which hold no data: they call the API with
	 * the signed-in person's token) are public; whatever no other chain claims is refused.
	 */
	@Bean
	@Order(100)
	SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(Stream.of("/", "/error", "/favicon.ico", "/openapi/**", "/swagger-ui.html",
					"/swagger-ui/**", "/v3/api-docs/**", "/actuator/health/**", "/actuator/info", "/console", "/console/**", "/webjars/**")
				.map(paths::matcher)
				.toArray(RequestMatcher[]::new))
			.permitAll()
			.anyRequest()
			.denyAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
