package io.casegrid.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.casegrid.casefile.CaseFile;

import org.springframework.stereotype.Component;

/**
 * Writes the result notice to the log. A county plugs in its SMS gateway or the 12345 system's callback here; the
 * call runs after an async save point, so a failing gateway is retried by the job executor.
 */
@Component
class LoggingReporterNotifier implements ReporterNotifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingReporterNotifier.class);

	@Override
	public void sendResult(CaseFile file) {
		log.info("Result of case {} for {}: {}", file.caseNumber(),
				file.reporter() == null ? "anonymous reporter" : "the reporter", file.resolution());
	}

	@Override
	public void reply(CaseFile file, String text) {
		log.info("Reply on case {} to {}: {}", file.caseNumber(),
				file.reporter() == null ? "anonymous reporter" : "the reporter", text);
	}

}
