package io.casegrid.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.ClaimAccessor;

/** Reads what Keycloak puts into casegrid's tokens. */
final class TokenClaims {

	/** Keycloak's aggregated group attribute {@code orgCode}: the user's org units and their ancestors. */
	static final String ORG_CODES = "org_codes";

	private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

	private TokenClaims() {
	}

	/** The user name, or for an app's service account its client id. */
	static String actorId(ClaimAccessor token) {
		String username = token.getClaimAsString("preferred_username");
		if (username == null) {
			return token.getClaimAsString("sub");
		}
		if (username.startsWith(SERVICE_ACCOUNT_PREFIX) && token.hasClaim("azp")) {
			return token.getClaimAsString("azp");
		}
		return username;
	}

	/** Realm roles ({@code realm_access.roles}) and the API client's roles ({@code resource_access.<api>.roles}). */
	static Set<String> roleNames(ClaimAccessor token, String apiClientId) {
		Set<String> names = new HashSet<>(rolesIn(token.getClaimAsMap("realm_access")));
		Map<String, Object> resources = token.getClaimAsMap("resource_access");
		if (resources != null && resources.get(apiClientId) instanceof Map<?, ?> api) {
			names.addAll(rolesIn(api));
		}
		return names;
	}

	static Set<Role> roles(ClaimAccessor token, String apiClientId) {
		return roleNames(token, apiClientId).stream()
			.map(Role::fromToken)
			.flatMap(Optional::stream)
			.collect(Collectors.toUnmodifiableSet());
	}

	static Set<String> orgCodesWithAncestors(ClaimAccessor token) {
		List<String> codes = token.hasClaim(ORG_CODES) ? token.getClaimAsStringList(ORG_CODES) : List.of();
		return Set.copyOf(codes);
	}

	private static Collection<String> rolesIn(Map<?, ?> access) {
		if (access == null || !(access.get("roles") instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream().map(String::valueOf).toList();
	}

}
