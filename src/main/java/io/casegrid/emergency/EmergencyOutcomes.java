package io.casegrid.emergency;

import java.util.List;

/**
 * The outcome code an emergency hands back to the six-step loop once handled: 办理's {@code RESOLVED}, which
 * {@code emergency-handling.form} offers too; {@code FormVocabularyTests} checks that both forms still offer it.
 */
final class EmergencyOutcomes {

	static final List<String> FORMS = List.of("Form_EmergencyHandling", "Form_Handle");

	static final String RESOLVED = "RESOLVED";

	private EmergencyOutcomes() {
	}

}
