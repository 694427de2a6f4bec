package io.casegrid.notify;

import java.util.Optional;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}), UTF-8 plain text. A server that cannot be reached or answers 4xx fails the
 * attempt (tried again with back-off); an address that cannot exist or that the server refuses (5xx) is
 * {@link Undeliverable}.
 */
class SmtpEmailChannel implements NotificationChannel {

	private final JavaMailSender mail;

	private final String from;

	SmtpEmailChannel(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		return Optional.ofNullable(recipient.email()).filter(email -> !email.isBlank());
	}

	@Override
	public void send(Notification notification) throws Exception {
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(from);
		try {
			helper.setTo(InternetAddress.parse(notification.address(), true)[0]);
		}
		catch (AddressException ex) {
			throw new Undeliverable("not an e-mail address: " + notification.address(), ex);
		}
		helper.setSubject(notification.subject());
		helper.setText(notification.body());
		message.setHeader("X-Casegrid-Message-Id", Long.toString(notification.id()));
		try {
			mail.send(message);
		}
		catch (MailSendException ex) {
			// the server refused the recipient (5xx on RCPT TO); a server that is down or answers 4xx is tried again
			if (ex.getFailedMessages().values().stream().anyMatch(SmtpEmailChannel::refusedRecipient)) {
				throw new Undeliverable("the mail server refused " + notification.address(), ex);
			}
			throw ex;
		}
	}

	private static boolean refusedRecipient(Exception failure) {
		return failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
				&& refused.getInvalidAddresses().length > 0;
	}

}
