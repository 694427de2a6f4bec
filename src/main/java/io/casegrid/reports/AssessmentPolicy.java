package io.casegrid.reports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * Reads the assessment rules from {@code processes/assessment-policy.dmn}, the latest deployed version: the points
 * each deduction item costs per occurrence, and the weights of the three rates per assessed level. A county changes
 * them by deploying the table. Read once per score or ranking ({@link #rules}), so that one ranking uses one version.
 */
@Component
class AssessmentPolicy {

	static final String DEDUCTIONS = "Decision_AssessmentDeductions";

	static final String WEIGHTS = "Decision_AssessmentWeights";

	record Item(String label, double points) {
	}

	record Weights(double acceptance, double handling, double satisfaction) {
	}

	/** The whole policy as read at one moment. */
	record Rules(Map<DeductionItem, Item> items, Map<String, Weights> weights) {

		Item item(DeductionItem item) {
			return items.get(item);
		}

		Weights weights(String level) {
			Weights found = weights.get(level);
			if (found == null) {
				throw new IllegalStateException("assessment-policy.dmn has no weights for " + level);
			}
			return found;
		}

	}

	private final DecisionService decisions;

	AssessmentPolicy(DecisionService decisions) {
		this.decisions = decisions;
	}

	Rules rules(List<String> levels) {
		Map<DeductionItem, Item> items = new EnumMap<>(DeductionItem.class);
		for (DeductionItem item : DeductionItem.values()) {
			var result = decisions
				.evaluateDecisionTableByKey(DEDUCTIONS, Variables.fromMap(Map.of("item", item.name())))
				.getSingleResult();
			if (result == null) {
				throw new IllegalStateException("assessment-policy.dmn has no row for " + item);
			}
			items.put(item, new Item(result.getEntry("label"), number(result.getEntry("points"))));
		}
		Map<String, Weights> weights = new HashMap<>();
		for (String level : levels) {
			var result = decisions.evaluateDecisionTableByKey(WEIGHTS, Variables.fromMap(Map.of("level", level)))
				.getSingleResult();
			if (result != null) {
				weights.put(level, new Weights(number(result.getEntry("acceptanceWeight")),
						number(result.getEntry("handlingWeight")), number(result.getEntry("satisfactionWeight"))));
			}
		}
		return new Rules(items, weights);
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

}
