package io.casegrid.escalation;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Until a messaging channel is connected, warnings are logged (and always written on the case's timeline). */
@Component
class LoggingHandlerNotifier implements HandlerNotifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingHandlerNotifier.class);

	@Override
	public void dueSoon(UUID caseId, String group, Instant dueAt) {
		log.info("Case {} is due at {}; warned handlers of {}", caseId, dueAt, group);
	}

}
