package io.casegrid.reports;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * Reads the assessment rules from {@code processes/assessment-policy.dmn}, the latest deployed version: the points
 * each deduction item costs per occurrence, and the weights of the three rates per assessed level. A county changes
 * them by deploying the table.
 */
@Component
class AssessmentPolicy {

	static final String DEDUCTIONS = "Decision_AssessmentDeductions";

	static final String WEIGHTS = "Decision_AssessmentWeights";

	record Item(String label, double points) {
	}

	record Weights(double acceptance, double handling, double satisfaction) {
	}

	private final DecisionService decisions;

	AssessmentPolicy(DecisionService decisions) {
		this.decisions = decisions;
	}

	Item item(DeductionItem item) {
		var result = decisions
			.evaluateDecisionTableByKey(DEDUCTIONS, Variables.fromMap(Map.of("item", item.name())))
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("assessment-policy.dmn has no row for " + item);
		}
		return new Item(result.getEntry("label"), number(result.getEntry("points")));
	}

	Weights weights(String level) {
		var result = decisions.evaluateDecisionTableByKey(WEIGHTS, Variables.fromMap(Map.of("level", level)))
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("assessment-policy.dmn has no weights for " + level);
		}
		return new Weights(number(result.getEntry("acceptanceWeight")), number(result.getEntry("handlingWeight")),
				number(result.getEntry("satisfactionWeight")));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

}
