package io.casegrid.security;

import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated access token together with the actor it describes. The actor's org units are resolved against the
 * org tree on first use, inside the request's own work: a database outage then answers 503 like any other call
 * instead of failing the authentication.
 */
final class ActorAuthentication extends JwtAuthenticationToken {

	private final transient Supplier<Actor> resolve;

	private transient Actor actor;

	ActorAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String actorId,
			Supplier<Actor> resolve) {
		super(jwt, authorities, actorId);
		this.resolve = resolve;
	}

	synchronized Actor actor() {
		if (actor == null) {
			actor = resolve.get();
		}
		return actor;
	}

}
