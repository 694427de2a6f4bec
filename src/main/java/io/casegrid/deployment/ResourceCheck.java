package io.casegrid.deployment;

import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The check of one resource of a deployment: what the rules may use, and the problems they found. */
final class ResourceCheck {

	private final String resource;

	private final ProductBeans beans;

	private final ProductVocabulary vocabulary;

	private final List<DeploymentProblem> problems;

	ResourceCheck(String resource, ProductBeans beans, ProductVocabulary vocabulary, List<DeploymentProblem> problems) {
		this.resource = resource;
		this.beans = beans;
		this.vocabulary = vocabulary;
		this.problems = problems;
	}

	/** The timer variables and decision values the product's code knows. */
	ProductVocabulary vocabulary() {
		return vocabulary;
	}

	/** Beans of the product's own processes: the only ones a deployed expression may name. */
	Set<String> allowedBeans() {
		return beans.names();
	}

	/** Whether the name is a bean of the service (allowed or not): a name an expression would resolve to it. */
	boolean isBean(String name) {
		return beans.isAnyBean(name);
	}

	void problem(Node at, String chinese, String english) {
		problems.add(new DeploymentProblem(resource, elementId(at), chinese, english));
	}

	/** The id of the element or of its nearest ancestor that has one (a listener's task, a condition's flow). */
	private static String elementId(Node node) {
		for (Node n = node; n != null; n = n.getParentNode()) {
			if (n instanceof Element element && !element.getAttribute("id").isEmpty()) {
				return element.getAttribute("id");
			}
		}
		return null;
	}

}
