package io.casegrid.sla;

import java.util.Map;
import java.util.Optional;

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

	/**
	 * The limit of the first row that matches (hit policy FIRST: rows that shorten a limit for a higher priority come
	 * before the general row), or empty when the table has none for this class and phase (e.g. no 回音 for a small
	 * matter, which is answered by its 办结).
	 */
	Optional<SlaLimit> limitFor(String slaClass, Phase phase, String priority) {
		var result = decisions.evaluateDecisionTableByKey(DECISION_KEY,
				Variables.fromMap(Map.of("slaClass", slaClass, "phase", phase.name(), "priority",
						priority == null ? "NORMAL" : priority)))
			.getFirstResult();
		if (result == null) {
			return Optional.empty();
		}
		return Optional.of(new SlaLimit(result.getEntry("limit"), Counting.valueOf(result.getEntry("counting"))));
	}

}
