package io.casegrid.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Tells Camunda (its webapps and its engine REST API) who Spring Security signed in: the user name, and the realm
 * roles as Camunda groups. Camunda instantiates this class by name, so it reads the security context statically.
 * The webapps insist that the user exists in Camunda's own identity tables, so a user signing in for the first time
 * is written there (name only, no password: Camunda's login form is never used); Keycloak stays the source.
 */
public class CamundaUsers implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String userId = userId(authentication);
		if (userId == null) {
			return AuthenticationResult.unsuccessful();
		}
		provision(request, engine, userId, authentication);
		AuthenticationResult result = AuthenticationResult.successful(userId);
		result.setGroups(authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring("ROLE_".length()))
			.toList());
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security answers unauthenticated requests before Camunda sees them
	}

	private static void provision(HttpServletRequest request, ProcessEngine engine, String userId,
			Authentication authentication) {
		HttpSession session = request.getSession(false);
		String marker = CamundaUsers.class.getName() + ".provisioned." + engine.getName();
		if (session != null && userId.equals(session.getAttribute(marker))) {
			return;
		}
		IdentityService identity = engine.getIdentityService();
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			if (authentication.getPrincipal() instanceof OidcUser oidc) {
				user.setFirstName(oidc.getGivenName());
				user.setLastName(oidc.getFamilyName());
				user.setEmail(oidc.getEmail());
			}
			try {
				identity.saveUser(user);
			}
			catch (RuntimeException ex) {
				// a parallel first request wrote the same user
				if (identity.createUserQuery().userId(userId).count() == 0) {
					throw ex;
				}
			}
		}
		if (session != null) {
			session.setAttribute(marker, userId);
		}
	}

	private static String userId(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		if (authentication instanceof ActorAuthentication token) {
			return token.getName();
		}
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return user.getPreferredUsername();
		}
		return null;
	}

}
