package io.casegrid.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.TreeBuilderException;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The building blocks a diagram may name: the Spring beans that the product's own processes ({@code processes/*.bpmn},
 * auto-deployed at start) name in their expressions, as far as they are casegrid's own delegates, listeners or
 * helpers. A deployed diagram may use these and nothing else of the service ({@link BpmnRules}); the engine's
 * expressions see only these too ({@link ExpressionBeans}), so {@code ${environment}} resolves to nothing even if a
 * check missed it. A new building block becomes usable by using it in a product process.
 */
@Component
public class ProductBeans {

	static final String PRODUCT_PROCESSES = "classpath*:processes/**/*.bpmn";

	private final ApplicationContext context;

	private volatile Set<String> names;

	private volatile Set<String> identifiers;

	ProductBeans(ApplicationContext context) {
		this.context = context;
	}

	/** The allowed bean names (read from the product's processes on first use). */
	public Set<String> names() {
		Set<String> known = names;
		if (known == null) {
			known = Set.copyOf(identifiers().stream().filter(this::isBuildingBlock).toList());
			names = known;
		}
		return known;
	}

	/** Every name the expressions of the product's own processes use: their building blocks and their variables. */
	Set<String> identifiers() {
		Set<String> known = identifiers;
		if (known == null) {
			known = Set.copyOf(identifiersOfProductProcesses());
			identifiers = known;
		}
		return known;
	}

	boolean isAnyBean(String name) {
		return context.containsBean(name);
	}

	/** The allowed beans as the engine's expression manager takes them, looked up when an expression needs one. */
	Map<Object, Object> asExpressionBeans() {
		return new AbstractMap<>() {
			@Override
			public boolean containsKey(Object key) {
				return names().contains(key);
			}

			@Override
			public Object get(Object key) {
				return containsKey(key) ? context.getBean((String) key) : null;
			}

			@Override
			public Set<Entry<Object, Object>> entrySet() {
				return names().stream()
					.map(name -> Map.entry((Object) name, context.getBean(name)))
					.collect(Collectors.toUnmodifiableSet());
			}
		};
	}

	private boolean isBuildingBlock(String name) {
		if (!context.containsBean(name)) {
			return false;
		}
		Class<?> type = context.getType(name);
		return type != null && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
				|| TaskListener.class.isAssignableFrom(type) || type.getPackageName().startsWith("io.casegrid."));
	}

	private static Set<String> identifiersOfProductProcesses() {
		Set<String> identifiers = new HashSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PRODUCT_PROCESSES)) {
				try (InputStream in = resource.getInputStream()) {
					BpmnXml.elements(in).forEach(element -> BpmnXml.expressions(element).forEach(text -> {
						try {
							for (IdentifierNode node : new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text)
								.getIdentifierNodes()) {
								identifiers.add(node.getName());
							}
						}
						catch (TreeBuilderException ex) {
							// DeploymentCheck reports it when the process is deployed
						}
					}));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return identifiers;
	}

}
