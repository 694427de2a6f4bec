package io.casegrid.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Element;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A sequence flow's condition may read only variables that something defines: a field of a form that the deployment
 * brings or its user tasks link, a variable the product's own processes use (the product's code sets those), or one
 * the deployment's diagrams set themselves (call-activity mappings, result variables, input/output parameters,
 * multi-instance element variables). A name that nothing defines is most often a typo, which would otherwise fail the
 * gateway at run time ("Unknown property used in expression").
 */
final class ConditionRules {

	/** Attributes (Camunda's) whose value names a variable the diagram sets. */
	private static final Set<String> SETTING_ATTRIBUTES = Set.of("resultVariable", "elementVariable");

	/** Camunda elements whose {@code target} or {@code name} is a variable the diagram sets. */
	private static final Set<String> SETTING_ELEMENTS = Set.of("in", "out", "inputParameter", "outputParameter");

	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private static volatile Set<String> productFormKeys;

	private ConditionRules() {
	}

	static List<DeploymentProblem> problems(Map<String, ResourceEntity> resources, FormRules.DeployedForms deployed,
			Set<String> productIdentifiers) {
		Map<String, List<Element>> diagrams = new LinkedHashMap<>();
		Set<String> known = new HashSet<>(productIdentifiers);
		known.addAll(productFormKeys());
		known.addAll(ExpressionRules.ENGINE_OBJECTS);
		resources.forEach((name, resource) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".form")) {
				known.addAll(FormRules.fieldKeys(FormRules.bytes(resource)));
			}
			else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
				try {
					diagrams.put(name, BpmnXml.elements(new ByteArrayInputStream(FormRules.bytes(resource))));
				}
				catch (IOException ex) {
					// not well-formed: the BPMN rules say so
				}
				FormRules.linkedForms(resource).forEach((key, version) -> known.addAll(FormRules.fieldKeys(
						deployed.content(key, version))));
			}
		});
		diagrams.values().forEach(elements -> elements.forEach(e -> known.addAll(setBy(e))));
		known.remove("");
		List<DeploymentProblem> problems = new ArrayList<>();
		diagrams.forEach((name, elements) -> elements.stream()
			.filter(e -> "conditionExpression".equals(e.getLocalName())
					&& e.getParentNode() instanceof Element flow && "sequenceFlow".equals(flow.getLocalName()))
			.forEach(condition -> read(condition.getTextContent()).stream()
				.filter(variable -> !known.contains(variable))
				.forEach(variable -> problems.add(new DeploymentProblem(name,
						((Element) condition.getParentNode()).getAttribute("id"),
						"连线条件读取的变量 " + variable + " 没有任何表单、产品或本流程定义（拼写错误？）",
						"the condition reads " + variable
								+ ", which no form, nothing of the product and nothing of this process defines (a typo?)")))));
		return problems;
	}

	private static Set<String> setBy(Element element) {
		Set<String> names = new HashSet<>();
		for (String attribute : SETTING_ATTRIBUTES) {
			String value = FormRules.camunda(element, attribute);
			if (!value.isEmpty()) {
				names.add(value);
			}
		}
		if (BpmnRules.CAMUNDA_NAMESPACES.contains(element.getNamespaceURI())
				&& SETTING_ELEMENTS.contains(element.getLocalName())) {
			names.add(element.getAttribute("target"));
			names.add(element.getAttribute("name"));
		}
		return names;
	}

	private static Set<String> read(String condition) {
		Set<String> variables = new HashSet<>();
		if (condition == null || !(condition.contains("${") || condition.contains("#{"))) {
			return variables;
		}
		try {
			for (IdentifierNode node : PARSER.build(condition.strip()).getIdentifierNodes()) {
				variables.add(node.getName());
			}
		}
		catch (TreeBuilderException ex) {
			// the expression rules report what does not parse
		}
		return variables;
	}

	/** The field keys of the product's own forms ({@code processes/forms}), read once. */
	private static Set<String> productFormKeys() {
		Set<String> keys = productFormKeys;
		if (keys == null) {
			Set<String> read = new HashSet<>();
			try {
				for (Resource form : new PathMatchingResourcePatternResolver()
					.getResources("classpath*:processes/**/*.form")) {
					try (InputStream in = form.getInputStream()) {
						read.addAll(FormRules.fieldKeys(in.readAllBytes()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			keys = Set.copyOf(read);
			productFormKeys = keys;
		}
		return keys;
	}

}
