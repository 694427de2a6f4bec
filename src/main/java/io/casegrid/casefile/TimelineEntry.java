package io.casegrid.casefile;

import java.time.Instant;
import java.util.Map;

/** One line of a case's timeline: who did what, when, and at which step. */
public record TimelineEntry(long id, Instant at, String type, CaseStep step, String actor, String summary,
		Map<String, String> details) {
}
