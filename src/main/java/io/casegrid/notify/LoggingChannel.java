package io.casegrid.notify;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback of a channel that is not configured (no SMTP server, no SMS gateway): it writes the message to the
 * log and counts as sent, so the service runs without them.
 */
class LoggingChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

	private final String name;

	private final Function<Recipient, String> address;

	LoggingChannel(String name, Function<Recipient, String> address) {
		this.name = name;
		this.address = address;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		return Optional.ofNullable(address.apply(recipient)).filter(a -> !a.isBlank());
	}

	@Override
	public void send(Notification notification) {
		log.info("{} to {} (not configured, logged only): {}", name, notification.recipient(), notification.subject());
	}

}
