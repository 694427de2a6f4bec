package io.casegrid.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values a decision output (or input) of this name may take because the product's code knows exactly these, e.g.
 * {@code startLevel}: the levels of the three-level response. Each feature that owns such a vocabulary contributes it
 * as a bean; the deployment check refuses a DMN table that names another value ({@code deployment.ModelConventionRules}).
 *
 * @param column the output's {@code name} (or the input's expression), e.g. {@code slaClass}
 */
public record DecisionOutputValues(String column, Set<String> values) {

	public static DecisionOutputValues of(String column, Collection<String> values) {
		return new DecisionOutputValues(column, Set.copyOf(values));
	}

	public static DecisionOutputValues of(String column, Enum<?>[] values) {
		return new DecisionOutputValues(column,
				Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet()));
	}

}
