package io.casegrid.whistle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One whistle (吹哨) as kept for the assessment: who blew it (person and unit), how, whom it called in, and the
 * township's (or county centre's) later judgement, empty until judged.
 */
public record WhistleRecord(UUID id, UUID caseId, Instant blownAt, String blownBy, String blownByUnit,
		WhistleSource source, boolean requested, List<String> departments, String leadDepartment,
		Judgement judgement, String judgementReason, String judgedBy, Instant judgedAt) {

	/** The verdict on a whistle: PROPER (吹哨得当) or FRIVOLOUS (乱吹哨, counted against the unit that blew it). */
	public enum Judgement {
		PROPER, FRIVOLOUS
	}

}
