package io.casegrid.process.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The caching FEEL engine decides exactly as the stock one on casegrid's own decision tables, over every
 * combination of their inputs, parses each expression only once, and fails as the stock engine does.
 */
class CachingFeelEngineTests {

	/** Every category of the triage table, one it does not know and none at all. */
	private static final List<String> CATEGORIES = java.util.Arrays.asList("FLY_WIRE_CHARGING", "FIRE_HAZARD",
			"GARBAGE", "STRAY_DOGS", "MANHOLE_COVER", "PIPE_LEAK", "FOOD_SAFETY", "NEIGHBOUR_DISPUTE",
			"LABOUR_DISPUTE", "GAS_LEAK", "FIRE", "OTHER", "NO_SUCH_CATEGORY", null);

	private final CachingFeelEngine caching = new CachingFeelEngine(List.of());

	private final DmnEngine cached = engine(caching);

	private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnEngine engine(CachingFeelEngine feel) {
		var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(() -> feel);
		return configuration.buildEngine();
	}

	@Test
	void triageDecidesAsTheStockEngineForEveryInput() throws IOException {
		// the categories of the table itself, so that a new rule is covered too
		java.util.Set<String> all = new java.util.LinkedHashSet<>(CATEGORIES);
		java.util.Set<String> tableCategories = new java.util.HashSet<>();
		java.util.regex.Matcher literal = java.util.regex.Pattern.compile("<inputEntry id=\"[^\"]*_Category\"><text>\"([A-Z_]+)\"")
			.matcher(java.nio.file.Files.readString(java.nio.file.Path.of("processes/case-triage.dmn")));
		while (literal.find()) {
			tableCategories.add(literal.group(1));
		}
		all.addAll(tableCategories);
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (String category : all) {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("categoryCode", category);
			inputs.add(variables);
		}
		var undecided = sameDecisions("processes/case-triage.dmn", "Decision_CaseTriage", inputs);
		assertThat(all).hasSizeGreaterThan(30);
		java.util.Set<String> outsideTheTable = new java.util.HashSet<>(all);
		outsideTheTable.removeAll(tableCategories);
		assertThat(outsideTheTable).as("the test also tries categories the table does not know").isNotEmpty();
		assertThat(undecided).as("inputs the table decides nothing for: exactly the categories it does not know")
			.extracting(input -> (String) input.get("categoryCode"))
			.containsExactlyInAnyOrderElementsOf(outsideTheTable);
	}

	@Test
	void priorityDecidesAsTheStockEngineForEveryInput() throws IOException {
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (String priority : new String[] { "LOW", "NORMAL", "HIGH", "URGENT", null }) {
			for (Boolean vulnerable : new Boolean[] { true, false, null }) {
				Map<String, Object> variables = new java.util.HashMap<>();
				variables.put("basePriority", priority);
				variables.put("vulnerable", vulnerable);
				inputs.add(variables);
			}
		}
		assertThat(inputs).hasSize(15);
		assertThat(sameDecisions("processes/case-triage.dmn", "Decision_CasePriority", inputs)).isEmpty();
	}

	@Test
	void slaPolicyDecidesAsTheStockEngineForEveryInput() throws IOException {
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (String slaClass : new String[] { "EMERGENCY", "SMALL", "TIME_CONSUMING", "COMPLEX", "UNKNOWN" }) {
			for (String phase : new String[] { "ACCEPTANCE", "DISPATCH", "HANDLING", "FEEDBACK" }) {
				for (String level : new String[] { "GRID", "VILLAGE", "TOWNSHIP", "COUNTY" }) {
					inputs.add(Map.of("slaClass", slaClass, "phase", phase, "level", level));
				}
			}
		}
		assertThat(sameDecisions("processes/sla-policy.dmn", "Decision_SlaPolicy", inputs))
			.as("only the unknown class has no limit")
			.hasSize(16)
			.allSatisfy(input -> assertThat(input.get("slaClass")).isEqualTo("UNKNOWN"));
	}

	@Test
	void expressionsAreParsedOnceAndReused() throws IOException {
		DmnDecision triage = decision(cached, "processes/case-triage.dmn", "Decision_CaseTriage");
		evaluateEveryCategory(triage);
		int afterFirstPass = caching.cachedExpressions();
		evaluateEveryCategory(triage);
		assertThat(afterFirstPass).isPositive();
		assertThat(caching.cachedExpressions()).isEqualTo(afterFirstPass);
	}

	private void evaluateEveryCategory(DmnDecision triage) {
		for (String category : CATEGORIES) {
			cached.evaluateDecisionTable(triage, Variables.createVariables().putValue("categoryCode", category));
		}
	}

	@Test
	void anExpressionThatDoesNotParseFailsAsInTheStockEngine() {
		var context = Variables.createVariables().putValue("x", 1).asVariableContext();
		assertThatThrownBy(() -> caching.evaluateSimpleExpression("x +* )", context))
			.isInstanceOf(FeelException.class);
		assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests("> > 3", "x", context))
			.isInstanceOf(FeelException.class);
		assertThat(caching.<Long>evaluateSimpleExpression("x + 1", context)).isEqualTo(2L);
		assertThat(caching.evaluateSimpleUnaryTests("> 0", "x", context)).isTrue();
		assertThat(caching.evaluateSimpleUnaryTests("[5..9]", "x", context)).isFalse();
	}

	@Test
	void feelCannotCallJavaThroughExternalFunctions() {
		var context = Variables.createVariables().asVariableContext();
		String readHome = "(function(key) external {java: {class: \"java.lang.System\", "
				+ "method signature: \"getProperty(java.lang.String)\"}})(\"user.home\")";
		Object result;
		try {
			result = caching.evaluateSimpleExpression(readHome, context);
		}
		catch (FeelException ex) {
			result = ex.getMessage();
		}
		assertThat(String.valueOf(result)).doesNotContain(System.getProperty("user.home"));
	}

	/**
	 * Evaluates every input with both engines and asserts equal results; returns the inputs for which the table
	 * decided nothing, so that a test can say which inputs may legitimately fall through.
	 */
	private List<Map<String, Object>> sameDecisions(String file, String decisionId, List<Map<String, Object>> inputs)
			throws IOException {
		DmnDecision withCache = decision(cached, file, decisionId);
		DmnDecision withoutCache = decision(stock, file, decisionId);
		List<Map<String, Object>> undecided = new ArrayList<>();
		for (Map<String, Object> variables : inputs) {
			var expected = stock.evaluateDecisionTable(withoutCache, variables).getResultList();
			var actual = cached.evaluateDecisionTable(withCache, variables).getResultList();
			assertThat(actual).as("%s for %s", decisionId, variables).isEqualTo(expected);
			if (actual.isEmpty()) {
				undecided.add(variables);
			}
		}
		return undecided;
	}

	private static DmnDecision decision(DmnEngine engine, String file, String decisionId) throws IOException {
		try (InputStream dmn = new FileInputStream(file)) {
			return engine.parseDecision(decisionId, dmn);
		}
	}

}
