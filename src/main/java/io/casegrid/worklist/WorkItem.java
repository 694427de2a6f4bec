package io.casegrid.worklist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casegrid.process.form.FormOutcome;

/**
 * An open user task as people and apps see it: its case (and the case's priority: NORMAL, HIGH or URGENT), its timing
 * and what it allows (the outcomes of its form).
 */
public record WorkItem(String id, UUID caseId, String caseNumber, String name, String taskKey, Instant created,
		Instant due, String slaState, String assignee, List<String> candidateGroups, boolean redo, String priority,
		List<FormOutcome> outcomes) {
}
