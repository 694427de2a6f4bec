package io.casegrid.sla;

/**
 * The time-limit classes of {@code sla-policy.dmn}: SMALL 小事, TIME_CONSUMING 费时事, COMPLEX 复杂事, EMERGENCY 突发事件.
 * Triage gives a case one of them; a decision naming another would find no limit.
 */
public enum SlaClass {

	SMALL, TIME_CONSUMING, COMPLEX, EMERGENCY

}
