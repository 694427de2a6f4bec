package io.casegrid.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated access token together with the actor it describes, resolved once per request. */
final class ActorAuthentication extends JwtAuthenticationToken {

	private final Actor actor;

	ActorAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Actor actor) {
		super(jwt, authorities, actor.id());
		this.actor = actor;
	}

	Actor actor() {
		return actor;
	}

}
