package io.casegrid.escalation;

import java.time.Instant;
import java.util.UUID;

/** Tells a level's handlers and their lead that a case is about to pass its limit (SMS, app push …). */
public interface HandlerNotifier {

	void dueSoon(UUID caseId, String group, Instant dueAt);

}
