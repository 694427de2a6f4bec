package io.casegrid.notify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Attempts the messages that are due, each through its channel, outside any transaction: a channel that returns
 * took it (SENT, never sent again), one that throws gets it again after the webhooks' back-off, until their retry
 * period has passed (DEAD); one that throws {@link NotificationChannel.Undeliverable} ends it DEAD at once. A dead
 * message stays in the table with its last error, logged and counted by {@link NotificationMetrics}.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final NotificationMessages messages;

	private final Map<String, NotificationChannel> channels;

	private final WebhookProperties polling;

	NotificationSender(NotificationMessages messages, List<NotificationChannel> channels, WebhookProperties polling) {
		this.messages = messages;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
		this.polling = polling;
	}

	/** One round; returns how many attempts it made. */
	int sendDue() {
		List<NotificationMessages.Claimed> due = messages.claimDue(polling.batchSize(), polling.claimLease());
		for (NotificationMessages.Claimed message : due) {
			send(message);
		}
		return due.size();
	}

	private void send(NotificationMessages.Claimed message) {
		NotificationChannel channel = channels.get(message.channel());
		try {
			if (channel == null) {
				throw new IllegalStateException("no channel " + message.channel());
			}
			channel.send(new NotificationChannel.Notification(message.id(), message.eventType(), message.caseNumber(),
					message.recipient(), message.address(), message.subject(), message.body()));
			messages.sent(message.id());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (NotificationChannel.Undeliverable ex) {
			log.warn("Message {} over {} to {} is undeliverable, DEAD: {}", message.id(), message.channel(),
					message.recipient(), ex.getMessage());
			messages.dead(message.id(), ex.getMessage());
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			log.debug("Message {} over {} failed (attempt {}): {}", message.id(), message.channel(), message.attempts(),
					error);
			if (messages.failed(message.id(), error, polling.backOff(message.attempts()), polling.retryPeriod())) {
				log.warn("Message {} over {} to {} failed past the retry period, DEAD: {}", message.id(),
						message.channel(), message.recipient(), error);
			}
		}
	}

}
