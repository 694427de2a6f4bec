package io.casegrid.webapps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Chinese locale of Camunda's webapps, {@code /camunda/app/<app>/locales/zh.json}, which their
 * {@code scripts/config.js} (in this project's {@code META-INF/resources/webjars/camunda/app/<app>/scripts/}, ahead of
 * Camunda's own on the class path) names as the default locale. Built once per app from three layers, the later
 * winning: Camunda's English labels of that app (so a label we have not translated, or one a Camunda upgrade adds,
 * shows in English instead of as its key), the Chinese terms of {@code webapp-locales/zh/glossary.json} for labels
 * whose English text is exactly such a term, and our translated labels ({@code webapp-locales/zh/common.json}, shared by
 * the four apps, then {@code <app>.json}); the date names and formats are {@code webapp-locales/zh/dates.json}.
 */
@RestController
class WebappLocales {

	static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

	private static final String CAMUNDA = "META-INF/resources/webjars/camunda/app/%s/locales/en.json";

	private static final String OURS = "webapp-locales/zh/";

	private final ObjectMapper json;

	private final Map<String, byte[]> built = new ConcurrentHashMap<>();

	WebappLocales(ObjectMapper json) {
		this.json = json;
	}

	@GetMapping("/camunda/app/{app}/locales/zh.json")
	ResponseEntity<byte[]> chinese(@PathVariable String app) {
		if (!APPS.contains(app)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.body(built.computeIfAbsent(app, this::build));
	}

	/** The labels of an app in Chinese, English where there is no translation. */
	ObjectNode locale(String app) {
		ObjectNode labels = (ObjectNode) read(CAMUNDA.formatted(app)).get("labels").deepCopy();
		JsonNode glossary = read(OURS + "glossary.json");
		for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> label = it.next();
			JsonNode term = glossary.get(label.getValue().asText());
			if (term != null) {
				label.setValue(term);
			}
		}
		overlay(labels, read(OURS + "common.json"));
		ClassPathResource own = new ClassPathResource(OURS + app + ".json");
		if (own.exists()) {
			overlay(labels, read(OURS + app + ".json"));
		}
		ObjectNode locale = json.createObjectNode();
		locale.set("dateLocales", read(OURS + "dates.json"));
		locale.set("labels", labels);
		return locale;
	}

	/**
	 * The labels of an app that none of our layers translates (they show in English): what the coverage in
	 * {@code docs/tasklist.md} counts, empty when the app is complete.
	 */
	Set<String> untranslated(String app) {
		JsonNode glossary = read(OURS + "glossary.json");
		JsonNode common = read(OURS + "common.json");
		ClassPathResource own = new ClassPathResource(OURS + app + ".json");
		JsonNode ours = own.exists() ? read(OURS + app + ".json") : json.createObjectNode();
		Set<String> left = new java.util.TreeSet<>();
		read(CAMUNDA.formatted(app)).get("labels").fields().forEachRemaining(label -> {
			if (!ours.has(label.getKey()) && !common.has(label.getKey())
					&& !glossary.has(label.getValue().asText())) {
				left.add(label.getKey());
			}
		});
		return left;
	}

	/** Camunda's English labels of an app. */
	JsonNode english(String app) {
		return read(CAMUNDA.formatted(app)).get("labels");
	}

	private byte[] build(String app) {
		try {
			return json.writeValueAsBytes(locale(app));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Only labels the app has: a shared translation of a label another app uses is not added. */
	private static void overlay(ObjectNode labels, JsonNode translations) {
		translations.fields().forEachRemaining(t -> {
			if (labels.has(t.getKey())) {
				labels.set(t.getKey(), t.getValue());
			}
		});
	}

	private JsonNode read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			// Camunda's files start with a byte order mark
			byte[] bytes = in.readAllBytes();
			int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
					? 3 : 0;
			return json.readTree(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

}
