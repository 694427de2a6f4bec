package io.casegrid.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request, from its validated access token. */
@Component
class TokenActor implements CurrentActor {

	@Override
	public Actor get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ActorAuthentication token) {
			return token.actor();
		}
		// the security filter chain lets no request without a token reach a controller
		throw new IllegalStateException("No signed-in actor on this request");
	}

}
