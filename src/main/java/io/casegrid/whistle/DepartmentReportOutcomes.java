package io.casegrid.whistle;

import java.util.List;

/**
 * The outcome codes of 部门报到 and 确权 that the whistle acts on. The forms define them
 * ({@code department-acknowledge.form}, {@code confirm-jurisdiction.form}); {@code FormVocabularyTests} checks that
 * they still offer each.
 */
final class DepartmentReportOutcomes {

	static final List<String> FORMS = List.of("Form_DepartmentAcknowledge", "Form_ConfirmJurisdiction");

	static final String ACKNOWLEDGE = "ACKNOWLEDGE";

	static final String REDISPATCH = "REDISPATCH";

	private DepartmentReportOutcomes() {
	}

}
