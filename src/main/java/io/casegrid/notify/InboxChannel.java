package io.casegrid.notify;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The in-app inbox: a staff member's message row is the inbox entry ({@code GET /api/v1/notifications}), so sending
 * only marks it sent. Reaches staff (by user name), never a reporter.
 */
@Component
class InboxChannel implements NotificationChannel {

	@Override
	public String name() {
		return NotificationMessages.INBOX;
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		return recipient.key().contains(":") ? Optional.empty() : Optional.of(recipient.key());
	}

	@Override
	public void send(Notification notification) {
		// the row is the message
	}

}
