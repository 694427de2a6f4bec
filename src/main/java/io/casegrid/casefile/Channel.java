package io.casegrid.casefile;

/** Where a case came in (一个入口: every channel through one door). */
public enum Channel {

	GRID_REPORT, HOTLINE_12345, VISIT, SUPERIOR_ASSIGNMENT, RESIDENT_APP, DEPUTY, VIDEO_PATROL

}
