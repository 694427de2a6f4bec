package io.casegrid.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * SMS through a county's 短信平台 over HTTP: the configured body with {@code {phone}}, {@code {text}} and
 * {@code {messageId}} filled in (JSON-escaped for a JSON content type) is POSTed to the configured URL; any 2xx answer
 * means the gateway took it. The text is the subject, then the body.
 */
class HttpSmsChannel implements NotificationChannel {

	private final NotificationProperties.Sms sms;

	private final Duration timeout;

	private final HttpClient http;

	HttpSmsChannel(NotificationProperties.Sms sms, Duration timeout) {
		this.sms = sms;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public String name() {
		return "sms";
	}

	@Override
	public Optional<String> addressOf(Recipient recipient) {
		return Optional.ofNullable(recipient.phone()).filter(phone -> !phone.isBlank());
	}

	@Override
	public void send(Notification notification) throws IOException, InterruptedException {
		String body = sms.body()
			.replace("{phone}", escape(notification.address()))
			.replace("{messageId}", Long.toString(notification.id()))
			.replace("{text}", escape("【" + notification.subject() + "】" + notification.body()));
		HttpRequest request = HttpRequest.newBuilder(URI.create(sms.url()))
			.timeout(timeout)
			.header("Content-Type", sms.contentType())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("SMS gateway answered HTTP " + response.statusCode());
		}
	}

	private String escape(String value) {
		return sms.contentType().contains("json") ? new String(JsonStringEncoder.getInstance().quoteAsString(value))
				: value;
	}

}
