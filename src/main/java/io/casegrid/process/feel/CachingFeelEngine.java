package io.casegrid.process.feel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda 7's FEEL engine with its parsed expressions kept. The stock {@link ScalaFeelEngine} parses every input
 * entry and input expression of a decision table again on every evaluation (camunda/feel-scala#1149); under intake
 * load that parsing was the largest single use of the service's CPU (38 % of the samples, docs/performance.md).
 * Decision tables are deployed and immutable, so their expressions are parsed once and evaluated many times; the
 * evaluation itself, its context and its errors are those of the stock engine.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

	/** Far more distinct expressions than the deployed decisions hold; past it the cache starts again. */
	static final int CAPACITY = 10_000;

	private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

	private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

	public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
		super(functionProviders);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
		CustomContext context = new CustomContext() {
			@Override
			public VariableProvider variableProvider() {
				return new ContextVariableWrapper(variableContext);
			}
		};
		return (T) valueOf(feelEngine.eval(parsed(expressions, expression, feelEngine::parseExpression), context));
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
		VariableProvider input = new VariableProvider.StaticVariableProvider(
				new camundajar.impl.scala.collection.immutable.Map.Map1<>("inputVariableName", inputVariable));
		VariableProvider variables = new ContextVariableWrapper(variableContext);
		CustomContext context = new CustomContext() {
			@Override
			public VariableProvider variableProvider() {
				return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
			}
		};
		Object result = valueOf(feelEngine.eval(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
		if (result instanceof Boolean matched) {
			return matched;
		}
		// not a boolean: let the stock engine say so in its own words
		return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
	}

	private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
			Function<String, Either<Failure, ParsedExpression>> parser) {
		ParsedExpression parsed = cache.get(expression);
		if (parsed != null) {
			return parsed;
		}
		Either<Failure, ParsedExpression> result = parser.apply(expression);
		if (result instanceof Left<Failure, ParsedExpression> failure) {
			throw LOGGER.evaluationException(failure.value().message());
		}
		parsed = result.toOption().get();
		if (cache.size() >= CAPACITY) {
			cache.clear();
		}
		cache.put(expression, parsed);
		return parsed;
	}

	private static Object valueOf(Either<Failure, Object> result) {
		if (result instanceof Left<Failure, Object> failure) {
			throw LOGGER.evaluationException(failure.value().message());
		}
		return result.toOption().get();
	}

	int cachedExpressions() {
		return expressions.size() + unaryTests.size();
	}

}
