package io.casegrid.triage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.Classifier;

import org.springframework.stereotype.Component;

/**
 * Triage by {@code processes/case-triage.dmn}: 研判分流 places the case by its category, or by the emergency category
 * of an emergency word in its description ({@code processes/emergency-words.dmn}, {@link EmergencyWords}); 优先级
 * raises the priority of what vulnerable residents report. No rule → the case is unplaced and goes to 人工研判.
 */
@Component
class DmnTriage implements Classifier {

	static final String TRIAGE = "Decision_CaseTriage";

	static final String PRIORITY = "Decision_CasePriority";

	private final DecisionService decisions;

	private final DecisionPreview preview;

	private final EmergencyWords emergencyWords;

	DmnTriage(DecisionService decisions, DecisionPreview preview, EmergencyWords emergencyWords) {
		this.decisions = decisions;
		this.preview = preview;
		this.emergencyWords = emergencyWords;
	}

	@Override
	public Triage triage(CaseFile file) {
		return triage(file.categoryCode(), file.description(), file.vulnerable());
	}

	/**
	 * An emergency word routes the report as its emergency category (a gas leak reported as 管道泄漏 goes as 燃气泄漏);
	 * the word list alone decides, so 研判分流 gets no description to match words of its own.
	 */
	Triage triage(String categoryCode, String description, boolean vulnerable) {
		String routedAs = emergencyWords.find(categoryCode, description)
			.map(EmergencyWords.Match::category)
			.orElse(categoryCode);
		return triage(routedAs, null, vulnerable, decisions::evaluateDecisionTableByKey);
	}

	/**
	 * What triage decides for a category reported by anyone, with no emergency words, by category code, on the
	 * decisions deployed now; no decision is recorded.
	 */
	Function<String, Triage> previews() {
		DecisionPreview.Snapshot decisions = preview.snapshot();
		return categoryCode -> triage(categoryCode, null, false, decisions::evaluate);
	}

	private static Triage triage(String categoryCode, String description, boolean vulnerable,
			BiFunction<String, Map<String, Object>, DmnDecisionTableResult> evaluate) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("categoryCode", categoryCode);
		inputs.put("description", description);
		DmnDecisionRuleResult placed = evaluate.apply(TRIAGE, inputs).getFirstResult();
		String basePriority = placed == null ? "NORMAL" : placed.getEntry("basePriority");
		String priority = evaluate.apply(PRIORITY, Map.of("basePriority", basePriority, "vulnerable", vulnerable))
			.getSingleEntry();
		if (placed == null) {
			return new Triage(null, "TOWNSHIP", null, "TIME_CONSUMING", priority);
		}
		return new Triage(placed.getEntry("track"), placed.getEntry("startLevel"), placed.getEntry("departmentCode"),
				placed.getEntry("slaClass"), priority);
	}

}
