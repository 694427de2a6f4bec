package io.casegrid.handling;

import java.util.List;

/**
 * The outcome codes of 办理 that handling acts on. The form defines them ({@code processes/forms/handle.form}, field
 * {@code handlingOutcome}); {@code FormVocabularyTests} checks that it still offers each.
 */
final class HandlingOutcomes {

	static final List<String> FORMS = List.of("Form_Handle");

	static final String RESOLVED = "RESOLVED";

	static final String NEED_MORE_TIME = "NEED_MORE_TIME";

	static final String RETURN = "RETURN";

	private HandlingOutcomes() {
	}

}
