package io.casegrid.events;

import java.time.Instant;
import java.util.UUID;

/** An event as the outbox holds it; {@code payload} is its JSON. */
public record StoredEvent(EventPosition position, UUID id, String type, int schemaVersion, UUID caseId,
		String caseNumber, String unitCode, Instant occurredAt, String payload) {
}
