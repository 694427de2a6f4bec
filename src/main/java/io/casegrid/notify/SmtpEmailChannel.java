package io.casegrid.notify;

import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail over SMTP ({@code spring.mail.*}), UTF-8 plain text. */
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
		helper.setTo(notification.address());
		helper.setSubject(notification.subject());
		helper.setText(notification.body());
		message.setHeader("X-Casegrid-Message-Id", Long.toString(notification.id()));
		mail.send(message);
	}

}
