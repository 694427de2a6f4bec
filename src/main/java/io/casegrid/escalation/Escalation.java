package io.casegrid.escalation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** One step up the three levels (上报 / 超时升级), kept with its reason for the monthly assessment. */
@Table("escalation")
public record Escalation(@Id UUID id, UUID caseId, ResponseLevel fromLevel, String fromUnit, ResponseLevel toLevel,
		String toUnit, EscalationTrigger trigger, String reason, String actor, Instant escalatedAt)
		implements Persistable<UUID> {

	@Override
	public UUID getId() {
		return id;
	}

	/** Escalations are written once and never changed. */
	@Override
	public boolean isNew() {
		return true;
	}

}
