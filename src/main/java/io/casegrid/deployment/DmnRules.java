package io.casegrid.deployment;

import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;

/**
 * What a deployed DMN file may contain: FEEL only. JUEL, JavaScript or Groovy in a decision would run code as the
 * service, like a BPMN script; FEEL cannot call Java (Camunda builds its FEEL engine with external functions off, and
 * {@code process.feel.CachingFeelEngine} keeps that engine).
 */
final class DmnRules {

	static final List<Rule> ALL = List.of(DmnRules::feelOnly);

	private DmnRules() {
	}

	/** Every {@code expressionLanguage} (definitions, input expressions, entries, literal expressions) is FEEL. */
	static void feelOnly(Element element, ResourceCheck check) {
		if (!element.hasAttribute("expressionLanguage")) {
			return;
		}
		String language = element.getAttribute("expressionLanguage").trim().toLowerCase(Locale.ROOT);
		if (!(language.equals("feel") || language.contains("/feel/") || language.endsWith("/feel"))) {
			check.problem(element, "决策只能使用 FEEL，不能使用 " + language,
					"decisions may only use FEEL, not " + language);
		}
	}

}
