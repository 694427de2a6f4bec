package io.casegrid.worklist;

import java.time.Instant;
import java.util.UUID;

/**
 * A rule a completion must pass beyond its task's contract, owned by the feature that knows it (an "after" photo the
 * category's policy asks for, {@code attachment.AfterPhotoPolicy}). {@link WorkItems} runs every such bean after the
 * contract's own checks and before the engine completes the task; a check that fails throws
 * {@link io.casegrid.web.InvalidRequestException} naming the field, and nothing is completed.
 */
public interface CompletionCheck {

	/** The task being completed: its case, BPMN key, when it was created, and the outcome chosen. */
	record Completion(UUID caseId, String taskKey, Instant taskCreated, String outcome) {
	}

	void check(Completion completion);

}
