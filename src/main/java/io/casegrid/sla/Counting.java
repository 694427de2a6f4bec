package io.casegrid.sla;

/** How a time limit counts: every hour of every day (7×24), or office hours of working days only. */
public enum Counting {

	NATURAL, WORKING

}
