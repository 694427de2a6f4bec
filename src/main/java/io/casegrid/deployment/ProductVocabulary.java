package io.casegrid.deployment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.casegrid.process.DecisionOutputValues;
import io.casegrid.process.TimerVariables;

import org.springframework.stereotype.Component;

/**
 * What the product's code knows of the models: the variables its features set for timers to read, and the values
 * decision columns may take (tracks, levels, SLA classes). Each feature contributes its own beside its code
 * ({@link TimerVariables}, {@link DecisionOutputValues}); {@link ModelConventionRules} checks deployments against them.
 */
@Component
class ProductVocabulary {

	private final Set<String> timerVariables = new HashSet<>();

	private final Map<String, Set<String>> decisionValues = new HashMap<>();

	ProductVocabulary(List<TimerVariables> timers, List<DecisionOutputValues> decisions) {
		timers.forEach(t -> timerVariables.addAll(t.names()));
		decisions.forEach(d -> decisionValues.computeIfAbsent(d.column(), c -> new HashSet<>()).addAll(d.values()));
	}

	Set<String> timerVariables() {
		return Set.copyOf(timerVariables);
	}

	/** The values a decision column of this name may take, if the product knows them. */
	Optional<Set<String>> decisionValues(String column) {
		return Optional.ofNullable(decisionValues.get(column)).map(Set::copyOf);
	}

}
