package io.casegrid.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the documented process variables, for delegates and listeners. */
public final class ProcessVariables {

	/** Every case process carries the case's id (also its business key). */
	public static final String CASE_ID = "caseId";

	/** A task-completion comment; read and removed by the task's complete listener. */
	public static final String COMMENT = "comment";

	private ProcessVariables() {
	}

	public static UUID caseId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(CASE_ID));
	}

	public static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	/**
	 * A date-time variable: a {@link java.util.Date} when set through the API, an ISO-8601 string when submitted by a
	 * Camunda Form in Tasklist.
	 */
	public static java.time.Instant instant(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			return null;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		String text = value.toString();
		try {
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
		}
	}

	/** Reads and removes the completion comment, so it never leaks into a later task. */
	public static String takeComment(VariableScope scope) {
		String comment = string(scope, COMMENT);
		if (comment != null) {
			scope.removeVariable(COMMENT);
		}
		return comment;
	}

}
