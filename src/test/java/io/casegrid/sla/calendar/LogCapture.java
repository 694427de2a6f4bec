package io.casegrid.sla.calendar;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.slf4j.LoggerFactory;

/** Collects what a class logs while open. */
final class LogCapture implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture(Class<?> type) {
		this.logger = (Logger) LoggerFactory.getLogger(type);
		appender.start();
		logger.addAppender(appender);
	}

	List<String> warnings() {
		return appender.list.stream()
			.filter(event -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	@Override
	public void close() {
		logger.detachAppender(appender);
	}

}
