package io.casegrid.escalation;

/** Why a case went up a level: its time limit passed (超时), or its handler asked (上报). */
public enum EscalationTrigger {

	SLA_BREACH, MANUAL

}
