package io.casegrid.escalation;

/**
 * OPEN until the department replies (REPLIED, the order's deadline stops); ACCEPTED when the issuing level accepts the
 * reply (sent back, it is OPEN again with a new deadline); MISSED when its deadline passed without a reply. A replied
 * order is never MISSED.
 */
public enum SupervisionStatus {

	OPEN, REPLIED, ACCEPTED, MISSED

}
