package io.casegrid.notify;

import java.util.Optional;

/**
 * A way to reach people: the service's own are {@code inbox} (the in-app inbox), {@code email} (SMTP) and {@code sms}
 * (an HTTP gateway). A county adds its own (政务微信, 钉钉 …) as a Spring bean implementing this interface and names it
 * in {@code casegrid.notifications.staff-channels} or {@code reporter-channels}; a bean of its own named
 * {@code emailChannel} or {@code smsChannel} replaces the service's (their logging fallbacks apply only when no such
 * bean exists). See {@code docs/integration.md}, "People and channels".
 */
public interface NotificationChannel {

	/** The channel's name as the configuration and the message rows name it: {@code email}, {@code wecom} … */
	String name();

	/** Where this channel reaches the recipient (an e-mail address, a phone number, a user name), if it can. */
	Optional<String> addressOf(Recipient recipient);

	/**
	 * Sends the message, outside any business transaction. Returning normally means the channel took it; throwing
	 * means it did not, and it is tried again after a back-off with the same {@link Notification#id()} (a channel
	 * that can tell the far end an idempotency key uses that). Throwing {@link Undeliverable} ends it DEAD at once.
	 */
	void send(Notification notification) throws Exception;

	/**
	 * The far end refused this message for good (an address that cannot exist, a permanent SMTP 5xx): it ends DEAD at
	 * once instead of being tried again. Any other exception is taken as passing and retried.
	 */
	class Undeliverable extends Exception {

		public Undeliverable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Someone to tell: a staff member (user name) or the reporter, and how they can be reached. */
	record Recipient(String key, String displayName, String phone, String email) {
	}

	/** One message to one address; {@code id} is stable across retries. */
	record Notification(long id, String eventType, String caseNumber, String recipient, String address,
			String subject, String body) {
	}

}
