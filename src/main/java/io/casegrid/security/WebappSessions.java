package io.casegrid.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a webapp session (Cockpit, Tasklist, Admin) only as long as Keycloak keeps its user: once
 * {@code casegrid.webapp.recheck-interval} has passed since the last check, the next request refreshes the session's
 * token at Keycloak. Keycloak refuses that for a user who was disabled, deleted or signed out (or whose Keycloak
 * session ended); the webapp session then ends at once and the request goes on unauthenticated (401 from the webapps'
 * APIs, sign-in page for their pages). Without Keycloak's answer the session ends too. Roles stay as they were at
 * sign-in; a changed role applies from the next sign-in.
 */
class WebappSessions extends OncePerRequestFilter {

	static final String CHECKED_AT = WebappSessions.class.getName() + ".checkedAt";

	private static final Logger log = LoggerFactory.getLogger(WebappSessions.class);

	private final OAuth2AuthorizedClientRepository clients;

	private final WebappProperties properties;

	private final RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();

	WebappSessions(OAuth2AuthorizedClientRepository clients, WebappProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication instanceof OAuth2AuthenticationToken signedIn
				&& isDue(session) && !stillValid(signedIn, request, response)) {
			log.info("Webapp session of {} ended: Keycloak no longer accepts it", signedIn.getName());
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

	private boolean isDue(HttpSession session) {
		Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
		if (checkedAt == null) {
			// signed in on this request or just before: Keycloak has just said yes
			session.setAttribute(CHECKED_AT, Instant.now());
			return false;
		}
		return !Instant.now().isBefore(checkedAt.plus(properties.recheckInterval()));
	}

	private boolean stillValid(OAuth2AuthenticationToken signedIn, HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizedClient client = clients.loadAuthorizedClient(signedIn.getAuthorizedClientRegistrationId(),
				signedIn, request);
		if (client == null || client.getRefreshToken() == null) {
			return false;
		}
		try {
			OAuth2AccessTokenResponse answer = refresh.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
					client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
			clients.saveAuthorizedClient(new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(),
					answer.getAccessToken(),
					answer.getRefreshToken() != null ? answer.getRefreshToken() : client.getRefreshToken()),
					signedIn, request, response);
			request.getSession().setAttribute(CHECKED_AT, Instant.now());
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Keycloak refused to refresh the webapp session of {}", signedIn.getName(), ex);
			return false;
		}
	}

}
