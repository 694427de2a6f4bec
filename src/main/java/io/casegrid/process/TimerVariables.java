package io.casegrid.process;

import java.util.Set;

/**
 * The process variables a feature sets for the timers of its diagrams to read (due times computed by Java on the
 * working calendar, e.g. {@code handleDueAt}). Each feature contributes its own as a bean beside its timer
 * descriptions; the deployment check accepts a timer that reads only these ({@code deployment.ModelConventionRules}).
 */
public record TimerVariables(Set<String> names) {

	public static TimerVariables of(String... names) {
		return new TimerVariables(Set.of(names));
	}

}
