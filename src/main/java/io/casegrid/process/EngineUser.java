package io.casegrid.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.stereotype.Component;

/** Runs engine calls on behalf of an actor, so listeners and history see who did it. */
@Component
public class EngineUser {

	private final IdentityService identity;

	EngineUser(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T runAs(String actor, Supplier<T> work) {
		var previous = identity.getCurrentAuthentication();
		identity.setAuthenticatedUserId(actor);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(previous);
			}
		}
	}

	public void runAs(String actor, Runnable work) {
		runAs(actor, () -> {
			work.run();
			return null;
		});
	}

}
