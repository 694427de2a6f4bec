package io.casegrid.triage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;

import org.springframework.stereotype.Component;

/**
 * 紧急字样 ({@code processes/emergency-words.dmn}): words in a report's description that make it an emergency whatever
 * category it was reported under, each with the emergency category triage then routes it as. The rows are those of
 * the latest deployed version, parsed once per version ({@link DecisionPreview}), so a redeployed list applies to the
 * next report without a restart. A word counts unless it stands inside one of its row's 不算的说法 ("轮胎漏气" for
 * 漏气); the first row in the table's order whose word counts decides.
 */
@Component
class EmergencyWords {

	static final String DECISION = "Decision_EmergencyWords";

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[、，,；;]");

	private final DecisionPreview decisions;

	EmergencyWords(DecisionPreview decisions) {
		this.decisions = decisions;
	}

	/** The first word of the list that counts in {@code description}, for a report of {@code categoryCode}. */
	Optional<Match> find(String categoryCode, String description) {
		if (description == null || description.isBlank()) {
			return Optional.empty();
		}
		String text = Word.compact(description);
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("categoryCode", categoryCode);
		for (DmnDecisionRuleResult row : decisions.evaluate(DECISION, inputs)) {
			Word word = Word.of(row);
			if (word.countsIn(text)) {
				return Optional.of(new Match(word.text(), word.category()));
			}
		}
		return Optional.empty();
	}

	/** A word that counted, and the emergency category the case is routed as. */
	record Match(String word, String category) {
	}

	/** One row: the word, the category it makes the report, and the phrases around it that do not count. */
	record Word(String text, String category, List<String> unless) {

		static Word of(DmnDecisionRuleResult row) {
			String word = compact(row.getEntry("word"));
			String unless = row.getEntry("unless");
			List<String> phrases = unless == null ? List.of()
					: Arrays.stream(LIST_SEPARATOR.split(unless))
						.map(Word::compact)
						.filter(phrase -> !word.isEmpty() && phrase.contains(word))
						.toList();
			return new Word(word, row.getEntry("category"), phrases);
		}

		private static String compact(String text) {
			return text == null ? "" : WHITESPACE.matcher(text).replaceAll("");
		}

		boolean countsIn(String description) {
			if (text.isEmpty() || category == null) {
				return false;
			}
			for (int at = description.indexOf(text); at >= 0; at = description.indexOf(text, at + 1)) {
				if (!excused(description, at)) {
					return true;
				}
			}
			return false;
		}

		/** Whether the occurrence at {@code at} stands inside one of the phrases that do not count. */
		private boolean excused(String description, int at) {
			for (String phrase : unless) {
				for (int offset = phrase.indexOf(text); offset >= 0; offset = phrase.indexOf(text, offset + 1)) {
					int start = at - offset;
					if (start >= 0 && description.startsWith(phrase, start)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
