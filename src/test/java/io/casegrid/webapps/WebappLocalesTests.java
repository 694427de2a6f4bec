package io.casegrid.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese of Camunda's webapps against the English locale file of the Camunda version we ship (the webjar on the
 * class path): every label translated, its placeholders and HTML kept, Camunda's terms used the same way everywhere.
 */
class WebappLocalesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}");

	private static final Pattern HTML = Pattern.compile("</?(?:a|b|i|em|strong|br|code|span|p|ul|li|div)\\b[^>]*>");

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	/** English labels that stay as they are in Chinese: signs, formats, file types and names. */
	private static final Set<String> SAME_IN_CHINESE = Set.of("", "<", "<=", ">", ">=", "s", " out of ", "ID", "ID*",
			"CSV", "JSON", "Optimize", "Camunda", "YYYY-MM-DDTHH:mm:ss");

	/** Labels whose link our Chinese leaves out on purpose, and why (their other HTML and placeholders are kept). */
	private static final Map<String, String> LINK_LEFT_OUT = Map.of(
			"BANNER_CE_EOL_TEXT", "the migration guide is on the internet, which a county's intranet does not reach",
			"FIRST_LOGIN_INFO", "its /camunda-welcome is no page of this service");

	private final WebappLocales locales = new WebappLocales(new ObjectMapper());

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyEnglishLabelOfTheShippedCamundaHasAChineseOneWithItsPlaceholdersAndHtml(String app) {
		assertThat(locales.untranslated(app)).as("labels left in English").isEmpty();

		JsonNode english = locales.english(app);
		JsonNode chinese = locales.locale(app).get("labels");
		List<String> wrong = new ArrayList<>();
		english.fields().forEachRemaining(label -> {
			String en = label.getValue().asText();
			String zh = chinese.get(label.getKey()).asText();
			String expectedHtml = LINK_LEFT_OUT.containsKey(label.getKey()) ? en.replaceAll("</?a\\b[^>]*>", "") : en;
			if (!found(PLACEHOLDER, en).equals(found(PLACEHOLDER, zh))
					|| !found(HTML, expectedHtml).equals(found(HTML, zh))) {
				wrong.add(label.getKey() + ": placeholders or HTML differ: " + zh);
			}
			if (!CHINESE.matcher(zh).find() && !SAME_IN_CHINESE.contains(en)) {
				wrong.add(label.getKey() + ": not Chinese: " + zh);
			}
		});
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void anIncidentIsAlways事故AndAnExceptionAlways异常(String app) {
		JsonNode english = locales.english(app);
		JsonNode chinese = locales.locale(app).get("labels");
		List<String> wrong = new ArrayList<>();
		english.fields().forEachRemaining(label -> {
			String en = label.getValue().asText().replaceAll("\\{\\{[^}]*}}", "");
			String zh = chinese.get(label.getKey()).asText();
			if (en.matches("(?is).*\\bincidents?\\b.*") && (!zh.contains("事故") || zh.contains("异常"))) {
				wrong.add(label.getKey() + ": " + zh);
			}
			if (en.matches("(?is).*\\bexception\\b.*") && !zh.contains("异常")) {
				wrong.add(label.getKey() + ": " + zh);
			}
		});
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void aSharedTranslationServesOnlyLabelsWithTheEnglishItWasWrittenFor(String app) throws Exception {
		ObjectMapper json = new ObjectMapper();
		JsonNode common = json.readTree(getClass().getResourceAsStream("/webapp-locales/zh/common.json"));
		var own = getClass().getResourceAsStream("/webapp-locales/zh/" + app + ".json");
		JsonNode ours = own == null ? json.createObjectNode() : json.readTree(own);
		List<String> wrong = new ArrayList<>();
		for (String other : List.of("tasklist", "cockpit", "admin", "welcome")) {
			JsonNode english = locales.english(app);
			JsonNode otherEnglish = locales.english(other);
			common.fieldNames().forEachRemaining(key -> {
				if (english.has(key) && !ours.has(key) && otherEnglish.has(key)
						&& !english.get(key).asText().equals(otherEnglish.get(key).asText())
						&& !"tasklist".equals(app)) {
					wrong.add(key + ": " + english.get(key).asText() + " here, " + otherEnglish.get(key).asText()
							+ " in " + other);
				}
			});
		}
		assertThat(wrong).as("common.json's translation is the Tasklist's; give this app its own in " + app + ".json")
			.isEmpty();
	}

	private static Map<String, Long> found(Pattern pattern, String text) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			counts.merge(m.group(), 1L, Long::sum);
		}
		return counts;
	}

}
