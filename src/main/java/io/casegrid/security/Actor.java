package io.casegrid.security;

import java.util.Set;

/**
 * An acting user or app.
 *
 * @param id the user id (or client id of an app)
 * @param groups the candidate groups the actor belongs to (org-unit codes and role groups)
 */
public record Actor(String id, Set<String> groups) {

	/** Every caller of the open API until sign-in arrives. */
	public static final Actor API_CLIENT = new Actor("api-client", Set.of());

	/** The service itself: timers, defaults, automatic steps. */
	public static final Actor SYSTEM = new Actor("system", Set.of());

}
