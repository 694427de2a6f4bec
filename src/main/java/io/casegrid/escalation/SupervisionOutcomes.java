package io.casegrid.escalation;

import java.util.List;

/**
 * The outcome codes of the supervision order's tasks that supervision acts on or sets itself. The forms define them
 * ({@code supervision-reply.form}, {@code review-supervision-reply.form}, {@code county-supervision.form});
 * {@code FormVocabularyTests} checks that they still offer each.
 */
final class SupervisionOutcomes {

	static final List<String> FORMS = List.of("Form_SupervisionReply", "Form_ReviewSupervisionReply",
			"Form_CountySupervision");

	static final String REPLY = "REPLY";

	static final String ACCEPT = "ACCEPT";

	static final String INTERVIEW = "INTERVIEW";

	private SupervisionOutcomes() {
	}

}
