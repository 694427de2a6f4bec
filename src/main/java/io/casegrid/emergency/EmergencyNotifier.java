package io.casegrid.emergency;

import io.casegrid.casefile.CaseFile;

/** Alerts people about a major emergency (SMS, the county command's big screen, the duty phone). */
interface EmergencyNotifier {

	void alert(CaseFile file, String recipients, String message);

}
