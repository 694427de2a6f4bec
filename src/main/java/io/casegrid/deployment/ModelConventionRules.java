package io.casegrid.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The conventions the product's code relies on, beyond what is safe to run ({@link BpmnRules}, {@link DmnRules}):
 * every timer reads only a variable a feature sets for it (or a literal time), decision columns the code reads hold
 * only the values it knows (tracks, levels, SLA classes: {@link ProductVocabulary}), and the elements of a diagram carry
 * the id prefixes designers and the code find them by ({@code Task_}, {@code Gateway_}, {@code Flow_} …).
 */
final class ModelConventionRules {

	static final List<Rule> BPMN = List.of(ModelConventionRules::timersReadProductVariables,
			ModelConventionRules::idsArePrefixed);

	static final List<Rule> DMN = List.of(ModelConventionRules::decisionValuesAreKnown);

	static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Set<String> TIMER_EXPRESSIONS = Set.of("timeDuration", "timeDate", "timeCycle");

	private static final List<String> TASK = List.of("Task_", "Activity_");

	private static final List<String> EVENT = List.of("Event_", "Timer_");

	/** The prefixes of the ids of each kind of element, as the product's diagrams and Camunda Modeler name them. */
	static final Map<String, List<String>> PREFIXES = Map.ofEntries(Map.entry("task", TASK),
			Map.entry("userTask", TASK), Map.entry("serviceTask", TASK), Map.entry("sendTask", TASK),
			Map.entry("receiveTask", TASK), Map.entry("manualTask", TASK), Map.entry("businessRuleTask", TASK),
			Map.entry("scriptTask", TASK), Map.entry("subProcess", List.of("SubProcess_", "Activity_")),
			Map.entry("transaction", List.of("SubProcess_", "Activity_")),
			Map.entry("callActivity", List.of("CallActivity_", "Activity_")),
			Map.entry("exclusiveGateway", List.of("Gateway_")), Map.entry("parallelGateway", List.of("Gateway_")),
			Map.entry("inclusiveGateway", List.of("Gateway_")), Map.entry("eventBasedGateway", List.of("Gateway_")),
			Map.entry("complexGateway", List.of("Gateway_")),
			Map.entry("startEvent", List.of("StartEvent_", "Start_", "Event_", "Timer_")),
			Map.entry("endEvent", List.of("EndEvent_", "End_", "Event_")),
			Map.entry("boundaryEvent", List.of("BoundaryEvent_", "Event_", "Timer_")),
			Map.entry("intermediateCatchEvent", EVENT), Map.entry("intermediateThrowEvent", EVENT),
			Map.entry("sequenceFlow", List.of("Flow_")));

	private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");

	private ModelConventionRules() {
	}

	/** A timer's date, duration or cycle is a literal or reads only variables the product sets for timers. */
	static void timersReadProductVariables(Element element, ResourceCheck check) {
		if (!BPMN_NAMESPACE.equals(element.getNamespaceURI()) || !TIMER_EXPRESSIONS.contains(element.getLocalName())) {
			return;
		}
		String text = element.getTextContent().trim();
		if (!(text.contains("${") || text.contains("#{"))) {
			return;
		}
		Set<String> read = new TreeSet<>();
		try {
			for (IdentifierNode node : new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getIdentifierNodes()) {
				read.add(node.getName());
			}
		}
		catch (TreeBuilderException ex) {
			return; // ExpressionRules reports it
		}
		Set<String> known = check.vocabulary().timerVariables();
		read.removeAll(known);
		if (!read.isEmpty()) {
			check.problem(timerEvent(element), "计时器只能读取产品为计时器设定的变量（" + String.join("、", new TreeSet<>(known))
					+ "），不能读取 " + String.join("、", read) + "：" + text,
					"a timer may only read the variables the product sets for timers (" + String.join(", ",
							new TreeSet<>(known)) + "), not " + String.join(", ", read) + ": " + text);
		}
	}

	/** Flow elements carry the prefix of their kind: {@code Task_}, {@code Gateway_}, {@code Flow_}, {@code Event_} … */
	static void idsArePrefixed(Element element, ResourceCheck check) {
		if (!BPMN_NAMESPACE.equals(element.getNamespaceURI())) {
			return;
		}
		List<String> prefixes = PREFIXES.get(element.getLocalName());
		String id = element.getAttribute("id");
		if (prefixes == null || id.isEmpty() || prefixes.stream().anyMatch(id::startsWith)) {
			return;
		}
		check.problem(element, element.getLocalName() + " 的 id 应以 " + String.join(" 或 ", prefixes) + " 开头：" + id,
				"the id of a " + element.getLocalName() + " must start with " + String.join(" or ", prefixes) + ": "
						+ id);
	}

	/**
	 * The entries of a decision column that the product reads (output {@code track}, {@code startLevel},
	 * {@code slaClass}, or an input on {@code slaClass}) name only values it knows.
	 */
	static void decisionValuesAreKnown(Element element, ResourceCheck check) {
		boolean output = "outputEntry".equals(element.getLocalName());
		if (!output && !"inputEntry".equals(element.getLocalName())) {
			return;
		}
		Optional<String> column = column(element, output);
		Optional<Set<String>> known = column.flatMap(c -> check.vocabulary().decisionValues(c));
		if (known.isEmpty()) {
			return;
		}
		Matcher literal = STRING_LITERAL.matcher(element.getTextContent());
		while (literal.find()) {
			if (!known.get().contains(literal.group(1))) {
				check.problem(element, "决策列 " + column.get() + " 只能取产品认识的值（"
						+ String.join("、", new TreeSet<>(known.get())) + "），不能取 \"" + literal.group(1) + "\"",
						"decision column " + column.get() + " may only hold values the product knows ("
								+ String.join(", ", new TreeSet<>(known.get())) + "), not \"" + literal.group(1) + "\"");
			}
		}
	}

	/** The output's name, or the input's expression, of the column an entry of a rule stands in. */
	private static Optional<String> column(Element entry, boolean output) {
		Node rule = entry.getParentNode();
		if (!(rule instanceof Element r) || !(r.getParentNode() instanceof Element table)) {
			return Optional.empty();
		}
		int index = children(r, entry.getLocalName()).indexOf(entry);
		List<Element> columns = children(table, output ? "output" : "input");
		if (index < 0 || index >= columns.size()) {
			return Optional.empty();
		}
		Element column = columns.get(index);
		if (output) {
			return Optional.of(column.getAttribute("name"));
		}
		List<Element> expression = children(column, "inputExpression");
		return expression.isEmpty() ? Optional.empty() : Optional.of(expression.get(0).getTextContent().trim());
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && localName.equals(e.getLocalName())) {
				children.add(e);
			}
		}
		return children;
	}

	/** The event a timer expression belongs to (expression → timerEventDefinition → event), for the problem's id. */
	private static Node timerEvent(Element expression) {
		Node definition = expression.getParentNode();
		return definition != null && definition.getParentNode() != null ? definition.getParentNode() : expression;
	}

}
