package io.casegrid.sla;

import java.util.UUID;

import io.casegrid.security.Actor;

/**
 * Who may pause or resume a case's clock (挂起/恢复计时): whoever works the case's open task at its level. The feature
 * that owns that task decides, so that the clocks do not depend on the worklist or the response levels.
 */
public interface ClockHolders {

	/** Throws as the worklist does (404, 409, 403) unless the actor works the task whose clock runs. */
	void requireHolds(UUID caseId, Actor actor);

}
