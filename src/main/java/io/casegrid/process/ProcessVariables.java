package io.casegrid.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.casegrid.process.CaseLifecycleProcess.Vars;

/** Typed reads of the documented process variables, for delegates and listeners. */
public final class ProcessVariables {

	private ProcessVariables() {
	}

	public static UUID caseId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(Vars.CASE_ID));
	}

	public static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	/** Reads and removes the completion comment, so it never leaks into a later task. */
	public static String takeComment(VariableScope scope) {
		String comment = string(scope, Vars.COMMENT);
		if (comment != null) {
			scope.removeVariable(Vars.COMMENT);
		}
		return comment;
	}

}
