package io.casegrid.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The bench endpoints answer without a token: they exist only in a bench build (Maven profile {@code bench}) started
 * with the Spring profile {@code bench}, and only on the loopback interface the benchmark drives.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain benchEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/bench/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
					new org.springframework.security.authorization.AuthorizationDecision(
							context.getRequest().getRemoteAddr().startsWith("127.")
									|| context.getRequest().getRemoteAddr().equals("0:0:0:0:0:0:0:1"))))
			.csrf(csrf -> csrf.disable())
			.build();
	}

}
