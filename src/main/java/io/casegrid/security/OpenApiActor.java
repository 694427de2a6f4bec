package io.casegrid.security;

import org.springframework.stereotype.Component;

/** The open API's actor: replaced by the token's subject when the identity issue lands. */
@Component
class OpenApiActor implements CurrentActor {

	@Override
	public Actor get() {
		return Actor.API_CLIENT;
	}

}
