package io.casegrid.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One version of a unit's monthly 专报. A DRAFT waits for the county centre's review; regenerating it before
 * publication makes a new version and SUPERSEDED the old; a PUBLISHED version is frozen: its content was stored once
 * and is never recomputed, and {@code contentHash} (SHA-256 of the content) shows it unchanged.
 */
public record MonthlyReport(UUID id, String unitCode, YearMonth month, int versionNumber, Status status,
		String content, String contentHash, Instant computedAt, String reviewComment, String publishedBy,
		Instant publishedAt) {

	public enum Status {
		DRAFT, PUBLISHED, SUPERSEDED
	}

}
