package io.casegrid.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The service's e-mail and SMS channels, each replaceable by a county's bean of the same name ({@code emailChannel},
 * {@code smsChannel}): SMTP when {@code spring.mail.host} is set, the HTTP gateway when
 * {@code casegrid.notifications.sms.url} is; else the logging fallback. An auto-configuration, so the conditions see
 * every bean of the application first.
 */
@AutoConfiguration(after = MailSenderAutoConfiguration.class)
class NotificationChannelsConfiguration {

	@Bean
	@ConditionalOnBean(JavaMailSender.class)
	@ConditionalOnMissingBean(name = "emailChannel")
	NotificationChannel emailChannel(JavaMailSender mail,
			@Value("${casegrid.notifications.mail-from:casegrid@localhost}") String from) {
		return new SmtpEmailChannel(mail, from);
	}

	@Bean("emailChannel")
	@ConditionalOnMissingBean(name = "emailChannel")
	NotificationChannel loggingEmailChannel() {
		return new LoggingChannel("email", NotificationChannel.Recipient::email);
	}

	@Bean
	@ConditionalOnExpression("!'${casegrid.notifications.sms.url:}'.isBlank()")
	@ConditionalOnMissingBean(name = "smsChannel")
	NotificationChannel smsChannel(NotificationProperties properties, WebhookProperties webhooks) {
		return new HttpSmsChannel(properties.sms(), webhooks.requestTimeout());
	}

	@Bean("smsChannel")
	@ConditionalOnMissingBean(name = "smsChannel")
	NotificationChannel loggingSmsChannel() {
		return new LoggingChannel("sms", NotificationChannel.Recipient::phone);
	}

}
