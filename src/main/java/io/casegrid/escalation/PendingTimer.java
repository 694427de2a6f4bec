package io.casegrid.escalation;

import java.time.Instant;

/**
 * A timer the engine will fire for a case, in words a dashboard can show.
 *
 * @param action what it will do: WARN, ESCALATE_TO_TOWNSHIP, ESCALATE_TO_COUNTY, BREACH_RECORDED, EVALUATION_DEFAULT …
 * @param held true while the clock it belongs to is paused (the job is suspended)
 */
public record PendingTimer(String jobId, String process, String activityId, String name, String action,
		String description, Instant dueAt, boolean held) {
}
