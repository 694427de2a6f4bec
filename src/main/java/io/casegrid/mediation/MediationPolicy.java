package io.casegrid.mediation;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import io.casegrid.sla.Counting;
import io.casegrid.sla.SlaLimit;

import org.springframework.stereotype.Component;

/**
 * Reads the time boxes of tiered mediation (三级七天) from {@code processes/mediation-policy.dmn}, which a county may
 * change by deploying: per tier (VILLAGE, TOWNSHIP, COUNTY) the box and how it counts, and what one approved extension
 * adds.
 */
@Component
class MediationPolicy {

	static final String DECISION_KEY = "Decision_MediationPolicy";

	/** A tier's time box and the one extension it may get (counted as the box counts). */
	record TimeBox(SlaLimit limit, String extension) {
	}

	private final DecisionService decisions;

	MediationPolicy(DecisionService decisions) {
		this.decisions = decisions;
	}

	TimeBox timeBox(MediationLevel level) {
		var result = decisions
			.evaluateDecisionTableByKey(DECISION_KEY, Variables.fromMap(Map.of("level", level.tier())))
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("mediation-policy.dmn has no time box for " + level.tier());
		}
		return new TimeBox(new SlaLimit(result.getEntry("timeBox"), Counting.valueOf(result.getEntry("counting"))),
				result.getEntry("extension"));
	}

}
