package io.casegrid.escalation;

/** OPEN until the department replies (REPLIED); MISSED when its deadline passed without the work being done. */
public enum SupervisionStatus {

	OPEN, REPLIED, MISSED

}
