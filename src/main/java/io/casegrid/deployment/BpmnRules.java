package io.casegrid.deployment;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployed BPMN file may contain. Deploying is deploying code: the engine runs whatever a diagram's scripts,
 * Java classes and expressions say, as the service's own OS user. So a diagram may only name the building blocks the
 * product's own processes use ({@link ProductBeans}) and process variables; no scripts, no Java classes, no method
 * calls other than on those building blocks and a few reading ones on {@code execution}/{@code task}
 * ({@link ExpressionRules}).
 */
final class BpmnRules {

	static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

	static final List<Rule> ALL = List.of(BpmnRules::noScripts, BpmnRules::noJavaClasses,
			BpmnRules::delegatesAreProductBeans, BpmnRules::expressionsStayInTheAllowList);

	private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

	/** Elements whose text is for people, never evaluated. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private BpmnRules() {
	}

	/** Script tasks, {@code camunda:script} (listeners, input/output), script conditions and script resources. */
	static void noScripts(Element element, ResourceCheck check) {
		String name = element.getLocalName();
		if ("scriptTask".equals(name) || "script".equals(name)) {
			check.problem(element, "不允许脚本（" + name + "）", "scripts are not allowed (" + name + ")");
		}
		for (String attribute : List.of("scriptFormat", "language", "resource")) {
			if (hasAttribute(element, attribute)) {
				check.problem(element, "不允许脚本（属性 " + attribute + "）",
						"scripts are not allowed (attribute " + attribute + ")");
			}
		}
	}

	/** Java classes named by the diagram ({@code camunda:class}, listener classes, variable mappings), connectors. */
	static void noJavaClasses(Element element, ResourceCheck check) {
		for (String attribute : List.of("class", "variableMappingClass")) {
			if (hasAttribute(element, attribute)) {
				check.problem(element, "不允许指定 Java 类（" + attribute + "），请使用产品提供的组件 delegateExpression",
						"Java classes (" + attribute + ") are not allowed; use a product building block as delegateExpression");
			}
		}
		if ("connector".equals(element.getLocalName()) && isCamunda(element)) {
			check.problem(element, "不允许连接器（camunda:connector）", "connectors (camunda:connector) are not allowed");
		}
	}

	/** A {@code delegateExpression} names exactly one building block of the product's processes. */
	static void delegatesAreProductBeans(Element element, ResourceCheck check) {
		String value = attribute(element, "delegateExpression");
		if (value == null) {
			return;
		}
		Matcher bean = BEAN_REFERENCE.matcher(value);
		if (!bean.matches() || !check.allowedBeans().contains(bean.group(1))) {
			check.problem(element, "delegateExpression 只能是产品提供的组件，如 ${openCaseFile}：" + value,
					"delegateExpression must name a product building block, like ${openCaseFile}: " + value);
		}
	}

	/** Every other attribute or text with {@code ${…}}/{@code #{…}} passes {@link ExpressionRules}. */
	static void expressionsStayInTheAllowList(Element element, ResourceCheck check) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
			// names too: Camunda evaluates expressions in message and signal names
			if (!Set.of("id", "delegateExpression").contains(name)) {
				ExpressionRules.check(attribute.getValue(), element, check);
			}
		}
		if (!PROSE.contains(element.getLocalName())) {
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					ExpressionRules.check(child.getNodeValue(), element, check);
				}
			}
		}
	}

	/**
	 * The attribute, in Camunda's namespace or (on Camunda's own elements, such as listeners) without one. BPMN's
	 * own attributes of the same name (none of the names the rules ask for) do not count.
	 */
	private static String attribute(Element element, String name) {
		for (String namespace : CAMUNDA_NAMESPACES) {
			if (element.hasAttributeNS(namespace, name)) {
				return element.getAttributeNS(namespace, name);
			}
		}
		if (isCamunda(element) && element.hasAttribute(name)) {
			return element.getAttribute(name);
		}
		if ("language".equals(name) && element.hasAttribute(name)) {
			// bpmn:conditionExpression language="javascript", bpmn:script
			return element.getAttribute(name);
		}
		return null;
	}

	private static boolean hasAttribute(Element element, String name) {
		return attribute(element, name) != null;
	}

	private static boolean isCamunda(Element element) {
		return CAMUNDA_NAMESPACES.contains(element.getNamespaceURI());
	}

}
