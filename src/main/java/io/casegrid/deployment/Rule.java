package io.casegrid.deployment;

import org.w3c.dom.Element;

/**
 * One rule a deployed BPMN or DMN file must follow, applied to each of its elements. A rule reports what is wrong
 * through {@link ResourceCheck#problem} (in Chinese and English) and never stops at the first problem. Add a rule by
 * writing a method of this shape and listing it in {@link BpmnRules#ALL} or {@link DmnRules#ALL}.
 */
@FunctionalInterface
interface Rule {

	void check(Element element, ResourceCheck check);

}
