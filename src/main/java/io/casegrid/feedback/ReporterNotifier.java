package io.casegrid.feedback;

import io.casegrid.casefile.CaseFile;

/** Tells a reporter the result of their case (SMS, app push, the hotline's callback). */
interface ReporterNotifier {

	void sendResult(CaseFile file);

}
