package io.casegrid.security;

import io.casegrid.identity.PeopleNames;

import org.springframework.stereotype.Component;

/**
 * The name to show beside who acted (a timeline entry, a clock's history, an escalation): a person's full name from
 * the directory, 系统 for the service itself, none for an app or an id the directory does not know.
 */
@Component
public class ActorNames {

	static final String SYSTEM_NAME = "系统";

	private final PeopleNames people;

	ActorNames(PeopleNames people) {
		this.people = people;
	}

	/** The name, or null when there is none to show. */
	public String of(String actorId) {
		return Actor.SYSTEM.id().equals(actorId) ? SYSTEM_NAME : people.orNull(actorId);
	}

}
