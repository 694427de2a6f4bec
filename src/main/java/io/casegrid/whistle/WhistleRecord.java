package io.casegrid.whistle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One whistle (吹哨) as kept for the assessment: who blew it (person and unit), how, whom it called in, and the
 * township's later judgement (PROPER or FRIVOLOUS, i.e. 乱吹哨), empty until judged.
 */
public record WhistleRecord(UUID id, UUID caseId, Instant blownAt, String blownBy, String blownByUnit,
		WhistleSource source, boolean requested, List<String> departments, String leadDepartment, String judgement) {
}
