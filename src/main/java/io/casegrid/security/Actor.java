package io.casegrid.security;

import java.util.Arrays;
import java.util.Set;

/**
 * An acting user or app, as its access token describes it.
 *
 * @param id the user name (or, for an app, its client id): what timelines and task assignments show
 * @param roles its realm roles
 * @param orgCodes the org units it belongs to (the most specific ones: a grid worker's grid, not the county above it)
 */
public record Actor(String id, Set<Role> roles, Set<String> orgCodes) {

	private static final Set<Role> APP_ROLES = Set.of(Role.CASE_REPORTER, Role.FEEDBACK_CHANNEL);

	/** The service itself: timers, defaults, automatic steps. */
	public static final Actor SYSTEM = new Actor("system", Set.of(), Set.of());

	public Actor {
		roles = Set.copyOf(roles);
		orgCodes = Set.copyOf(orgCodes);
	}

	public boolean hasAny(Role... wanted) {
		return Arrays.stream(wanted).anyMatch(roles::contains);
	}

	/**
	 * An app rather than a person: all its roles are an app's (reporting cases, relaying evaluations). Apps read only
	 * the cases they reported, work no tasks, and never see what the resident registry knows.
	 */
	public boolean isApp() {
		return !roles.isEmpty() && APP_ROLES.containsAll(roles);
	}

}
