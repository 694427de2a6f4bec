package io.casegrid.process.form;

/**
 * The kinds of value a form field takes, from the Camunda Form field type: sent as strings through the REST API, stored
 * as typed process variables.
 */
public enum FieldType {

	/** {@code textfield} or {@code textarea}: free text (a string). */
	TEXT,
	/** A {@code textfield} with the custom property {@code valueType = ORG_UNIT}: an org-unit code that must exist. */
	ORG_UNIT,
	/** {@code datetime} (subtype datetime): an ISO-8601 instant with offset (a date). */
	DATE_TIME,
	/** {@code select} or {@code radio} with static values: one of them (a string). */
	CHOICE,
	/** {@code number}: a decimal number (a long when whole, else a double). */
	NUMBER,
	/** {@code checkbox}: {@code true} or {@code false} (a boolean). */
	BOOLEAN

}
