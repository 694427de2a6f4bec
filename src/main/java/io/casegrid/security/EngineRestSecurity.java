package io.casegrid.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Camunda's engine REST API ({@code /engine-rest}) is for process designers, deployers and administrators only —
 * Camunda Modeler's deploy button, scripts. It takes a Keycloak bearer token or basic credentials that Keycloak
 * checks; Camunda then knows the user and their realm roles as groups through {@link CamundaUsers}, and its
 * authorizations decide what each may do ({@link EngineAuthorizations}: designers read definitions, only deployers
 * deploy, only administrators touch instances, tasks, variables and jobs).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

	static final String[] ROLES = { Role.PROCESS_DESIGNER.authority(), Role.PROCESS_DEPLOYER.authority(),
			Role.ADMIN.authority() };

	@Bean
	@Order(10)
	SecurityFilterChain engineRest(HttpSecurity http, JwtDecoder decoder, TokenActors actors,
			KeycloakPasswords passwords, ProblemResponses problems) throws Exception {
		AuthenticationEntryPoint challenge = (request, response, ex) -> {
			response.addHeader("WWW-Authenticate", "Basic realm=\"casegrid engine\", charset=\"UTF-8\"");
			problems.commence(request, response, ex);
		};
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(ROLES))
			.authenticationProvider(passwords.provider())
			.httpBasic(basic -> basic.authenticationEntryPoint(challenge))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(actors))
				.authenticationEntryPoint(challenge)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge)
				.accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** After Spring Security (order -100) has authenticated the request, before Camunda's REST resources run. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("casegrid-engine-rest-authentication");
		registration.addInitParameter("authentication-provider", CamundaUsers.class.getName());
		// the Camunda REST API lives under /engine-rest, not at the servlet root the filter assumes
		registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(0);
		return registration;
	}

}
