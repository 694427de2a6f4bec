package io.casegrid.casefile;

import java.time.Instant;

/**
 * Filters of the case list; null means "any". {@code unitCode} matches where the case is and who handles it;
 * {@code updatedSince} cases with a timeline entry at or after it.
 */
public record CaseFilter(CaseStep step, Channel channel, String categoryCode, String unitCode, Instant reportedFrom,
		Instant reportedTo, Instant updatedSince) {
}
