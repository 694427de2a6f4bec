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
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;

import org.springframework.stereotype.Component;

/**
 * Triage by {@code processes/case-triage.dmn}: 研判分流 places the case by its category, or by the emergency category
 * of an emergency word in its description ({@code processes/emergency-words.dmn}, {@link EmergencyWords}); 优先级
 * raises the priority of what vulnerable residents report. No rule → the case is unplaced and goes to 人工研判. The
 * decision routes to department kinds, never to a county's unit codes.
 */
@Component
class DmnTriage implements Classifier {

	static final String TRIAGE = "Decision_CaseTriage";

	static final String PRIORITY = "Decision_CasePriority";

	private final DecisionService decisions;

	private final DecisionPreview preview;

	private final OrgDirectory org;

	private final EmergencyWords emergencyWords;

	DmnTriage(DecisionService decisions, DecisionPreview preview, OrgDirectory org, EmergencyWords emergencyWords) {
		this.decisions = decisions;
		this.preview = preview;
		this.org = org;
		this.emergencyWords = emergencyWords;
	}

	/**
	 * Triage of a reported case: the decision names a kind of department (城管, 住建 …), and the case gets the
	 * department of that kind in its own county from the org registry — none when the county has no such department.
	 */
	@Override
	public Triage triage(CaseFile file) {
		Triage triage = triage(file.categoryCode(), file.description(), file.vulnerable());
		return triage.withDepartment(org.departmentOfKind(file.location().countyCode(), triage.departmentKind())
			.map(OrgUnit::code)
			.orElse(null));
	}

	/**
	 * An emergency word routes the report as its emergency category (a gas leak reported as 管道泄漏 goes as 燃气泄漏);
	 * the word list alone decides; 研判分流 reads the category only.
	 */
	Triage triage(String categoryCode, String description, boolean vulnerable) {
		String routedAs = emergencyWords.find(categoryCode, description)
			.map(EmergencyWords.Match::category)
			.orElse(categoryCode);
		return triage(routedAs, vulnerable, decisions::evaluateDecisionTableByKey);
	}

	/**
	 * What triage decides for a category reported by anyone, with no emergency words, by category code, on the
	 * decisions deployed now; no decision is recorded.
	 */
	Function<String, Triage> previews() {
		DecisionPreview.Snapshot decisions = preview.snapshot();
		return categoryCode -> triage(categoryCode, false, decisions::evaluate);
	}

	private static Triage triage(String categoryCode, boolean vulnerable,
			BiFunction<String, Map<String, Object>, DmnDecisionTableResult> evaluate) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("categoryCode", categoryCode);
		DmnDecisionRuleResult placed = evaluate.apply(TRIAGE, inputs).getFirstResult();
		String basePriority = placed == null ? "NORMAL" : placed.getEntry("basePriority");
		String priority = evaluate.apply(PRIORITY, Map.of("basePriority", basePriority, "vulnerable", vulnerable))
			.getSingleEntry();
		if (placed == null) {
			return new Triage(null, "TOWNSHIP", null, null, "TIME_CONSUMING", priority);
		}
		return new Triage(placed.getEntry("track"), placed.getEntry("startLevel"), placed.getEntry("departmentKind"),
				null, placed.getEntry("slaClass"), priority);
	}

}
