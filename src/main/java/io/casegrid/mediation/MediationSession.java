package io.casegrid.mediation;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One mediation session (调解记录): when, who took part, what happened. */
@Table("mediation_session")
public record MediationSession(MediationLevel level, Instant heldAt, String participants, String summary,
		String recordedBy, Instant recordedAt) {
}
