package io.casegrid.casefile;

import java.time.Instant;
import java.util.UUID;

/** A line of the case list. */
public record CaseSummary(UUID id, String caseNumber, Channel channel, String categoryCode, String title,
		CaseStep step, String unitCode, String handlingUnitCode, Instant reportedAt) {
}
