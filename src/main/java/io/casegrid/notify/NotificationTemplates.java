package io.casegrid.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The messages' texts, in Chinese, one file per template: the first line is the subject, the rest the body;
 * {@code {name}} is replaced by the message's value of that name. A file in the configured directory wins over the
 * built-in one and is read on every message.
 */
@Component
class NotificationTemplates {

	private final NotificationProperties properties;

	NotificationTemplates(NotificationProperties properties) {
		this.properties = properties;
	}

	record Rendered(String subject, String body) {
	}

	Rendered render(String template, Map<String, String> values) {
		String text = fill(read(template), values).strip();
		int newline = text.indexOf('\n');
		return newline < 0 ? new Rendered(text, text)
				: new Rendered(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
	}

	private String read(String template) {
		try {
			if (properties.templateDir() != null) {
				Path file = properties.templateDir().resolve(template + ".txt");
				if (Files.isRegularFile(file)) {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
			}
			try (InputStream in = new ClassPathResource("templates/notifications/" + template + ".txt").getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No notification template " + template, ex);
		}
	}

	private static String fill(String text, Map<String, String> values) {
		String filled = text;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
		}
		return filled;
	}

}
