package io.casegrid.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * {@code /actuator/prometheus} is for the monitoring network, not for people: it answers only to the addresses in
 * {@code casegrid.metrics.allowed-addresses} (CASEGRID_METRICS_ALLOWED_ADDRESSES; loopback by default) and to nobody
 * else, whatever token they bring. Behind a reverse proxy, do not forward {@code /actuator/} (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

	@Bean
	@Order(15)
	SecurityFilterChain metrics(HttpSecurity http, ProblemResponses problems,
			@Value("${casegrid.metrics.allowed-addresses}") List<String> allowed) throws Exception {
		List<IpAddressMatcher> addresses = allowed.stream().map(String::trim).map(IpAddressMatcher::new).toList();
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						addresses.stream().anyMatch(a -> a.matches(context.getRequest())))))
			// a token would not help: 403, not 401
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.handle(request, response,
						new AccessDeniedException("Metrics are served to the monitoring network only")))
				.accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
