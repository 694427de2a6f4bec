package io.casegrid.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.stereotype.Component;

/**
 * Runs engine calls on behalf of an actor, so listeners, history and the operation log see who did it. These are the
 * service's own calls: the REST facade has already checked the actor's place and task rights, so Camunda's
 * authorizations, which guard the webapps and {@code /engine-rest}, are not checked for them
 * ({@link ServiceCallsSkipEngineAuthorization}).
 */
@Component
public class EngineUser {

	private static final ThreadLocal<Boolean> SERVICE_CALL = new ThreadLocal<>();

	private final IdentityService identity;

	EngineUser(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T runAs(String actor, Supplier<T> work) {
		var previous = identity.getCurrentAuthentication();
		Boolean outerCall = SERVICE_CALL.get();
		identity.setAuthenticatedUserId(actor);
		SERVICE_CALL.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (outerCall == null) {
				SERVICE_CALL.remove();
			}
			if (previous == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(previous);
			}
		}
	}

	/** Whether the current thread is inside {@link #runAs}. */
	static boolean isServiceCall() {
		return Boolean.TRUE.equals(SERVICE_CALL.get());
	}

	public void runAs(String actor, Runnable work) {
		runAs(actor, () -> {
			work.run();
			return null;
		});
	}

}
