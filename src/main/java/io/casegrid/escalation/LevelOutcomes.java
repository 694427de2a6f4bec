package io.casegrid.escalation;

import java.util.List;

/**
 * The outcome codes of 分级办理 and 审批延期 that the three-level response acts on. The forms define them
 * ({@code handle-at-level.form}, {@code approve-level-extension.form}); {@code FormVocabularyTests} checks that they
 * still offer each.
 */
final class LevelOutcomes {

	static final List<String> FORMS = List.of("Form_HandleAtLevel", "Form_ApproveLevelExtension");

	static final String RESOLVED = "RESOLVED";

	static final String ESCALATE = "ESCALATE";

	static final String WHISTLE = "WHISTLE";

	static final String REQUEST_EXTENSION = "REQUEST_EXTENSION";

	static final String RETURN = "RETURN";

	static final String GRANT = "GRANT";

	private LevelOutcomes() {
	}

}
