package io.casegrid.worklist;

/** The kinds of value an outcome field takes; sent as strings, stored as typed process variables. */
public enum FieldType {

	/** Free text (stored as a string). */
	TEXT,
	/** An org-unit code that must exist (stored as a string). */
	ORG_UNIT,
	/** An ISO-8601 instant with offset (stored as a date). */
	DATE_TIME,
	/** One of a fixed set of values (stored as a string). */
	CHOICE

}
