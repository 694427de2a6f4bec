package io.casegrid.emergency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.casegrid.casefile.CaseFile;

import org.springframework.stereotype.Component;

/** Writes alerts to the log; a county plugs in its SMS gateway or duty-phone system here. */
@Component
class LoggingEmergencyNotifier implements EmergencyNotifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingEmergencyNotifier.class);

	@Override
	public void alert(CaseFile file, String recipients, String message) {
		log.warn("EMERGENCY {} → {}: {} ({})", file.caseNumber(), recipients, message, file.title());
	}

}
