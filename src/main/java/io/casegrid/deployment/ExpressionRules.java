package io.casegrid.deployment;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Element;

/**
 * The JUEL expressions of a deployed diagram ({@code ${…}}, {@code #{…}}), read as the engine's parser reads them and
 * walked node by node. Allowed: process variables (any name that is not a bean of the service), the product's
 * building blocks ({@link ProductBeans}) and their methods, reading methods and properties of {@code execution} and
 * {@code task}, Camunda's functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}, operators and literals. Refused: any other bean, any method call on anything else,
 * computed property names, property access on beans, and every reflective name ({@code getClass}, {@code forName},
 * {@code Runtime}, {@code environment}, …) wherever it appears.
 */
final class ExpressionRules {

	/** Names that reach reflection, the OS, the Spring context or the engine's services, whatever their receiver. */
	static final Set<String> REFLECTIVE = Set.of("class", "getclass", "forname", "classloader", "getclassloader",
			"loadclass", "runtime", "getruntime", "exec", "processbuilder", "system", "environment",
			"systemenvironment", "systemproperties", "invoke", "newinstance", "getmethod", "getmethods",
			"getdeclaredmethod", "getdeclaredmethods", "getfield", "getdeclaredfield", "getconstructor",
			"getdeclaredconstructor", "getbean", "applicationcontext", "beanfactory", "processengine",
			"getprocessengine", "processengineservices", "getprocessengineservices", "getprocessengineconfiguration");

	/** The engine's own objects in expressions. */
	static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");

	static final Set<String> ENGINE_READ_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
			"hasVariableLocal", "getProcessBusinessKey", "getBusinessKey", "getProcessInstanceId", "getId",
			"getCurrentActivityId", "getActivityInstanceId", "getEventName", "getTaskDefinitionKey", "getAssignee",
			"getName");

	static final Set<String> ENGINE_READ_PROPERTIES = Set.of("processBusinessKey", "businessKey",
			"processInstanceId", "id", "currentActivityId", "activityInstanceId", "eventName", "taskDefinitionKey",
			"assignee", "name");

	static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private ExpressionRules() {
	}

	/** Checks the text if it holds an expression; text without one is a plain value and passes. */
	static void check(String text, Element at, ResourceCheck check) {
		if (text == null || !(text.contains("${") || text.contains("#{"))) {
			return;
		}
		Node root;
		try {
			root = PARSER.build(text).getRoot();
		}
		catch (TreeBuilderException ex) {
			check.problem(at, "表达式无法解析：" + text, "expression cannot be parsed: " + text);
			return;
		}
		new Walk(text, at, check).visit(root);
	}

	private record Walk(String text, Element at, ResourceCheck check) {

		void visit(Node node) {
			if (node instanceof AstMethod method) {
				method((AstProperty) method.getChild(0));
				visit(method.getChild(1));
			}
			else if (node instanceof AstProperty property) {
				property(property);
			}
			else if (node instanceof AstIdentifier identifier) {
				identifier(identifier.getName());
			}
			else if (node instanceof AstFunction function) {
				if (!FUNCTIONS.contains(function.getName())) {
					refuse("不允许调用函数 " + function.getName(), "function " + function.getName() + " is not allowed");
				}
				visitChildren(node);
			}
			else {
				visitChildren(node);
			}
		}

		private void visitChildren(Node node) {
			for (int i = 0; i < node.getCardinality(); i++) {
				visit(node.getChild(i));
			}
		}

		private void identifier(String name) {
			if (isReflective(name)) {
				refuse("不允许使用 " + name, name + " is not allowed");
			}
			else if (check.isBean(name) && !check.allowedBeans().contains(name)) {
				refuse("只能使用产品流程所用的组件，不能使用 " + name,
						"only the building blocks of the product's processes may be used, not " + name);
			}
		}

		private void method(AstProperty call) {
			String name = propertyName(call);
			AstNode receiver = (AstNode) call.getChild(0);
			if (name == null) {
				visitReceiverAndName(call);
				return;
			}
			if (isReflective(name)) {
				refuse("不允许调用方法 " + name, "method " + name + " is not allowed");
			}
			else if (!(receiver instanceof AstIdentifier base)) {
				refuse("只能调用产品组件的方法，不能调用 ." + name + "() 于计算结果之上",
						"methods may only be called on product building blocks, not ." + name + "() on a computed value");
			}
			else if (ENGINE_OBJECTS.contains(base.getName())) {
				if (!ENGINE_READ_METHODS.contains(name)) {
					refuse(base.getName() + " 只允许读取方法，不允许 " + name,
							"only reading methods of " + base.getName() + " are allowed, not " + name);
				}
			}
			else if (!check.allowedBeans().contains(base.getName())) {
				refuse("只能调用产品组件的方法，不能调用 " + base.getName() + "." + name + "()",
						"methods may only be called on product building blocks, not " + base.getName() + "." + name + "()");
			}
			visitReceiverAndName(call);
		}

		private void property(AstProperty access) {
			String name = propertyName(access);
			AstNode receiver = (AstNode) access.getChild(0);
			if (name != null) {
				if (isReflective(name)) {
					refuse("不允许访问属性 " + name, "property " + name + " is not allowed");
				}
				else if (receiver instanceof AstIdentifier base) {
					if (ENGINE_OBJECTS.contains(base.getName()) && !ENGINE_READ_PROPERTIES.contains(name)) {
						refuse("不允许访问 " + base.getName() + "." + name, base.getName() + "." + name + " is not allowed");
					}
					else if (check.allowedBeans().contains(base.getName())) {
						refuse("不允许访问产品组件的属性 " + base.getName() + "." + name,
								"properties of product building blocks may not be read: " + base.getName() + "." + name);
					}
				}
			}
			visitReceiverAndName(access);
		}

		private void visitReceiverAndName(AstProperty access) {
			visit(access.getChild(0));
			if (access instanceof AstBracket) {
				visit(access.getChild(1));
			}
		}

		/** The literal name of a {@code .name} or {@code ['name']}; null (refused) for a computed one. */
		private String propertyName(AstProperty access) {
			if (access instanceof AstDot dot) {
				return dot.toString().substring(". ".length());
			}
			if (access instanceof AstBracket bracket && bracket.getChild(1) instanceof AstString literal) {
				return String.valueOf(literal.eval(null, null));
			}
			refuse("不允许计算出的属性名", "computed property names are not allowed");
			return null;
		}

		private static boolean isReflective(String name) {
			return REFLECTIVE.contains(name.toLowerCase(Locale.ROOT));
		}

		private void refuse(String chinese, String english) {
			check.problem(at, chinese + "（表达式 " + text + "）", english + " (expression " + text + ")");
		}

	}

}
