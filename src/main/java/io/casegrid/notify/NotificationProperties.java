package io.casegrid.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people are told (docs/integration.md, "People and channels"). Polling, the claim lease and the back-off are the
 * webhooks' ({@code casegrid.webhooks}).
 *
 * @param templateDir a directory whose {@code <template>.txt} files replace the built-in ones
 *        ({@code classpath:templates/notifications/}); read on every message, so an edit applies without a restart
 * @param followUrl where a resident follows their case, quoted in the messages
 * @param reporterChannels the channels that tell a reporter, each where it can reach them
 * @param staffChannels the channels that tell a staff member
 * @param copyTo the copy-to recipients of a 督办单 by the name the order carries (督查室, 纪委), and their e-mail address
 * @param sms the SMS gateway
 * @param directoryCacheTtl how long a directory look-up (a unit's members, a person) is kept for further messages
 * @param directoryCacheSize how many look-ups are kept at most
 */
@ConfigurationProperties("casegrid.notifications")
record NotificationProperties(Path templateDir, @DefaultValue("https://12345.example.gov.cn/cases") String followUrl,
		@DefaultValue({ "sms", "email" }) List<String> reporterChannels,
		@DefaultValue({ "inbox", "email" }) List<String> staffChannels, Map<String, String> copyTo,
		@DefaultValue Sms sms, @DefaultValue("PT1M") Duration directoryCacheTtl,
		@DefaultValue("1000") int directoryCacheSize) {

	NotificationProperties {
		copyTo = copyTo == null ? Map.of() : Map.copyOf(copyTo);
	}

	/**
	 * The SMS gateway: {@code body} with {@code {phone}} and {@code {text}} replaced (JSON-escaped when the content
	 * type is JSON) is POSTed to {@code url}; any 2xx answer means it took the message. Off (messages logged) without
	 * a URL.
	 */
	record Sms(String url, @DefaultValue("{\"phone\":\"{phone}\",\"text\":\"{text}\"}") String body,
			@DefaultValue("application/json; charset=utf-8") String contentType) {
	}

}
