package io.casegrid.worklist;

import java.util.List;

/**
 * A field an outcome takes. Its name is the process variable it becomes and the key of the matching Camunda Form
 * field, so that the REST API and Tasklist ask the same questions.
 */
public record OutcomeField(String name, String label, FieldType type, boolean required, int maxLength,
		List<String> options) {

	public static OutcomeField text(String name, String label, boolean required) {
		return new OutcomeField(name, label, FieldType.TEXT, required, 2000, List.of());
	}

	public static OutcomeField orgUnit(String name, String label) {
		return new OutcomeField(name, label, FieldType.ORG_UNIT, true, 64, List.of());
	}

	public static OutcomeField choice(String name, String label, List<String> options) {
		return new OutcomeField(name, label, FieldType.CHOICE, true, 40, options);
	}

	public static OutcomeField dateTime(String name, String label, boolean required) {
		return new OutcomeField(name, label, FieldType.DATE_TIME, required, 40, List.of());
	}

}
