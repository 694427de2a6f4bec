package io.casegrid.sla;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/** Reads the time limits from {@code processes/sla-policy.dmn}, which process designers keep. */
@Component
class SlaPolicy {

	static final String DECISION_KEY = "Decision_SlaPolicy";

	private final DecisionService decisions;

	SlaPolicy(DecisionService decisions) {
		this.decisions = decisions;
	}

	SlaLimit limitFor(String slaClass, Phase phase) {
		var result = decisions.evaluateDecisionTableByKey(DECISION_KEY,
				Variables.fromMap(Map.of("slaClass", slaClass, "phase", phase.name())))
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("sla-policy.dmn has no limit for " + slaClass + " / " + phase);
		}
		return new SlaLimit(result.getEntry("limit"), Counting.valueOf(result.getEntry("counting")));
	}

}
