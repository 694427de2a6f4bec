package io.casegrid.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.casegrid.identity.KeycloakEndpoints;
import io.casegrid.identity.KeycloakProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Camunda Cockpit, Tasklist and Admin sign in through Keycloak (OpenID Connect, the service's own client), and
 * each app admits the realm roles that need it: Cockpit administrators, process designers, supervisors and
 * auditors; Tasklist administrators, process designers and field staff ({@link WebappActors#FIELD_STAFF}, who see
 * there only what the API's place and holder rules give them: {@code webapps.TasklistScope}); Admin administrators
 * only. A grid worker is refused everywhere. Camunda learns the signed-in
 * user through its container-based authentication ({@link CamundaUsers}); what each role may then do inside the apps
 * is Camunda's authorizations ({@link EngineAuthorizations}). A session lives only as long as Keycloak keeps its user
 * ({@link WebappSessions}); signing out is {@code POST /logout} only, so a link on another site cannot sign anyone out
 * (and the session cookie is {@code SameSite=Lax}, so another site's form cannot either).
 */
@Configuration(proxyBeanMethods = false)
class WebappSecurity {

	static final String[] ADMIN = { Role.ADMIN.authority() };

	static final String[] COCKPIT = { Role.ADMIN.authority(), Role.PROCESS_DESIGNER.authority(),
			Role.SUPERVISOR.authority(), Role.AUDITOR.authority() };

	static final String[] TASKLIST = Stream
		.concat(Stream.of(Role.ADMIN, Role.PROCESS_DESIGNER), WebappActors.FIELD_STAFF.stream())
		.map(Role::authority)
		.sorted()
		.toArray(String[]::new);

	/** Cockpit's and Tasklist's users: both apps ask Admin's API who is signed in, and call the engine API. */
	static final String[] COCKPIT_OR_TASKLIST = Stream.concat(Stream.of(COCKPIT), Stream.of(TASKLIST))
		.distinct()
		.toArray(String[]::new);

	static final String REGISTRATION = "keycloak";

	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakEndpoints keycloak, KeycloakProperties properties) {
		// built from Keycloak's fixed endpoint layout, so nothing is fetched before Keycloak is up
		return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
			.clientName("Keycloak")
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(keycloak.issuer())
			.authorizationUri(keycloak.authorizationUri())
			.tokenUri(keycloak.tokenUri())
			.jwkSetUri(keycloak.jwkSetUri())
			.userInfoUri(keycloak.userInfoUri())
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.logoutUri()))
			.build());
	}

	/** The webapps' Keycloak tokens, kept in their session (and gone with it). */
	@Bean
	OAuth2AuthorizedClientRepository webappClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	@Order(20)
	SecurityFilterChain webapps(HttpSecurity http, ClientRegistrationRepository registrations, JwtDecoder tokens,
			KeycloakProperties properties, ProblemResponses problems, OAuth2AuthorizedClientRepository clients,
			WebappProperties webapp) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
		http.securityMatcher(any(paths, "/camunda/**", "/oauth2/**", "/login/**", "/logout"))
			.authorizeHttpRequests(requests -> requests
				// every app asks Admin's API who is signed in and which apps they may open
				.requestMatchers(paths.matcher("/camunda/api/admin/auth/**"))
				.hasAnyAuthority(COCKPIT_OR_TASKLIST)
				.requestMatchers(any(paths, "/camunda/app/admin/**", "/camunda/api/admin/**"))
				.hasAnyAuthority(ADMIN)
				.requestMatchers(any(paths, "/camunda/app/tasklist/**", "/camunda/api/tasklist/**"))
				.hasAnyAuthority(TASKLIST)
				// field staff's calls are held to the API's place and holder rules (webapps.TasklistScope)
				.requestMatchers(paths.matcher("/camunda/api/engine/**"))
				.hasAnyAuthority(COCKPIT_OR_TASKLIST)
				.requestMatchers(paths.matcher("/camunda/**"))
				.hasAnyAuthority(COCKPIT)
				.anyRequest()
				.authenticated())
			.oauth2Login(login -> login.authorizedClientRepository(clients)
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(withRealmRoles(tokens, properties))))
			.addFilterBefore(new WebappSessions(clients, webapp), AnonymousAuthenticationFilter.class)
			.logout(out -> out.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/logout"))
				.logoutSuccessHandler(logout))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						paths.matcher("/camunda/api/**"))
				.accessDeniedHandler(problems))
			// Camunda's own CsrfPreventionFilter guards its API with its XSRF-TOKEN cookie
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** After Spring Security (order -100) has signed the user in, before Camunda's own authentication filter. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setName("casegrid-webapp-authentication");
		registration.addInitParameter("authentication-provider", CamundaUsers.class.getName());
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(0);
		return registration;
	}

	/** The signed-in user with the realm roles of their access token (Keycloak puts them there, not in the ID token). */
	private static OAuth2UserService<OidcUserRequest, OidcUser> withRealmRoles(JwtDecoder tokens,
			KeycloakProperties properties) {
		OidcUserService oidc = new OidcUserService();
		return request -> {
			OidcUser user = oidc.loadUser(request);
			Jwt access = tokens.decode(request.getAccessToken().getTokenValue());
			Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
			TokenClaims.roleNames(access, properties.audience())
				.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
			// the org units, for WebappActors: Tasklist applies the API's place rules
			TokenClaims.orgCodesWithAncestors(access)
				.forEach(code -> authorities.add(new SimpleGrantedAuthority(WebappActors.ORG_PREFIX + code)));
			return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
		};
	}

	private static RequestMatcher any(PathPatternRequestMatcher.Builder paths, String... patterns) {
		return new OrRequestMatcher(Stream.of(patterns).map(paths::matcher).toArray(RequestMatcher[]::new));
	}

}
