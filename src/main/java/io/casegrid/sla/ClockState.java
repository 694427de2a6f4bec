package io.casegrid.sla;

/**
 * Where a clock stands. RUNNING, AT_RISK (past the warning point) and BREACHED follow from the time; PAUSED while the
 * case waits (e.g. for the reporter's 补充材料); MET when stopped in time; ESCALATED when the case was taken up a level
 * by hand before the limit passed; RETURNED when a whistled department gave the matter back (退单) in time instead of
 * acknowledging it — not an on-time 报到, and counted apart from MET. MET and RETURNED stopped after the due time are
 * recorded as BREACHED.
 */
public enum ClockState {

	RUNNING, AT_RISK, BREACHED, PAUSED, MET, ESCALATED, RETURNED

}
