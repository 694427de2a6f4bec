package io.casegrid.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.casegrid.org.OrgDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to the Camunda webapps, as the same {@link Actor} the API knows from an access token: the realm
 * roles and org units of the access token Keycloak issued at sign-in ({@link WebappSecurity} keeps them as
 * {@code ROLE_} and {@code ORG_} authorities of the session).
 */
@Component
public class WebappActors {

	/** The roles of field staff, who may use Tasklist for the tasks of their groups and place. */
	public static final Set<Role> FIELD_STAFF = Set.of(Role.GRID_WORKER, Role.GRID_LEAD, Role.VILLAGE_MEDIATOR,
			Role.BRAND_MEDIATION_ROOM, Role.POLICE_CHIEF, Role.COURT_CHIEF, Role.JUDICIAL_CHIEF,
			Role.TOWNSHIP_DISPATCHER, Role.COUNTY_CENTRE, Role.DEPARTMENT_OFFICER);

	static final String ORG_PREFIX = "ORG_";

	private final OrgDirectory org;

	WebappActors(OrgDirectory org) {
		this.org = org;
	}

	/** The signed-in webapp user, or empty on a request without a webapp session. */
	public Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2AuthenticationToken signedIn)) {
			return Optional.empty();
		}
		Set<String> authorities = signedIn.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Set<Role> roles = authorities.stream()
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> Role.fromToken(a.substring("ROLE_".length())))
			.flatMap(Optional::stream)
			.collect(Collectors.toSet());
		Set<String> orgCodes = authorities.stream()
			.filter(a -> a.startsWith(ORG_PREFIX))
			.map(a -> a.substring(ORG_PREFIX.length()))
			.collect(Collectors.toSet());
		return Optional.of(new Actor(signedIn.getName(), roles, org.mostSpecific(orgCodes)));
	}

}
