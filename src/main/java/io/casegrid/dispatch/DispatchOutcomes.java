package io.casegrid.dispatch;

import java.util.List;

/**
 * The outcome codes of 研判派单 that dispatch acts on or sets itself. The form defines them
 * ({@code processes/forms/dispatch.form}, field {@code dispatchOutcome}); {@code FormVocabularyTests} checks that it
 * still offers each.
 */
final class DispatchOutcomes {

	static final List<String> FORMS = List.of("Form_Dispatch");

	static final String DISPATCH = "DISPATCH";

	static final String REJECT = "REJECT";

	private DispatchOutcomes() {
	}

}
