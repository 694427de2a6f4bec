package io.casegrid.feedback;

import io.casegrid.casefile.CaseFile;

/** Tells a reporter the result of their case (SMS, app push, the hotline's callback). */
interface ReporterNotifier {

	void sendResult(CaseFile file);

	/** A reply (回音) while the case is handled: where the matter stands. */
	void reply(CaseFile file, String text);

}
