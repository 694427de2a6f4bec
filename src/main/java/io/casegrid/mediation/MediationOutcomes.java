package io.casegrid.mediation;

import java.util.List;

/**
 * The outcome codes (and choice values) of the mediation tasks that mediation acts on. The forms define them
 * ({@code processes/forms/*.form} of {@code tiered-mediation.bpmn} and the processes it calls);
 * {@code FormVocabularyTests} checks that one of them still offers each.
 */
final class MediationOutcomes {

	static final List<String> FORMS = List.of("Form_AcceptDispute", "Form_VillageMediation", "Form_ApproveExtension",
			"Form_BrandRoomMediation", "Form_CountyMediation", "Form_JointConsultation", "Form_DraftAgreement",
			"Form_JudicialConfirmation");

	static final String ACCEPT = "ACCEPT";

	static final String GRANT = "GRANT";

	static final String RECORD_SESSION = "RECORD_SESSION";

	static final String SETTLED = "SETTLED";

	static final String NOT_SETTLED = "NOT_SETTLED";

	static final String REQUEST_EXTENSION = "REQUEST_EXTENSION";

	/** The value of the agreement form's {@code signaturesConfirmed}. */
	static final String SIGNATURES_CONFIRMED = "CONFIRMED";

	static final String APPLIED = "APPLIED";

	static final String WAIVED = "WAIVED";

	private MediationOutcomes() {
	}

}
