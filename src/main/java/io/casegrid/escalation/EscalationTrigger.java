package io.casegrid.escalation;

/** Why a case went up a level: its time limit passed (超时), its handler asked (上报), or a department missed a supervision order (督办逾期). */
public enum EscalationTrigger {

	SLA_BREACH, MANUAL, SUPERVISION

}
