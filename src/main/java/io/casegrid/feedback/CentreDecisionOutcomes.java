package io.casegrid.feedback;

import java.util.List;

/**
 * The outcome codes of 综治中心裁定 that feedback acts on. The form defines them ({@code centre-decision.form}, field
 * {@code centreDecision}); {@code FormVocabularyTests} checks that it still offers each.
 */
final class CentreDecisionOutcomes {

	static final List<String> FORMS = List.of("Form_CentreDecision");

	static final String CLOSE = "CLOSE";

	private CentreDecisionOutcomes() {
	}

}
