package io.casegrid.security;

import java.util.List;

import io.casegrid.identity.KeycloakProperties;
import io.casegrid.org.OrgDirectory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a validated access token into the acting {@link Actor}: its id, its roles (as {@code ROLE_<name>}
 * authorities too) and the org units it belongs to — all from the token, never from the request.
 */
@Component
class TokenActors implements Converter<Jwt, AbstractAuthenticationToken> {

	private final OrgDirectory org;

	private final String apiClientId;

	TokenActors(OrgDirectory org, KeycloakProperties properties) {
		this.org = org;
		this.apiClientId = properties.audience();
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<SimpleGrantedAuthority> authorities = TokenClaims.roleNames(jwt, apiClientId)
			.stream()
			.map(name -> new SimpleGrantedAuthority("ROLE_" + name))
			.toList();
		String actorId = TokenClaims.actorId(jwt);
		return new ActorAuthentication(jwt, authorities, actorId, () -> new Actor(actorId,
				TokenClaims.roles(jwt, apiClientId), org.mostSpecific(TokenClaims.orgCodesWithAncestors(jwt))));
	}

}
