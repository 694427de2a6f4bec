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
 * Camunda 7's FEEL engine, made cheap for decision tables. The stock {@link ScalaFeelEngine} parses every input entry
 * and input expression again on every evaluation (camunda/feel-scala#1149), and every evaluation builds FEEL's whole
 * table of built-in functions anew; under intake load the two were the largest single use of the service's CPU (38 %
 * of the samples, docs/performance.md). So:
 * <ul>
 * <li>the cells most decision tables are made of are decided without FEEL: {@code -} (any value), string literals
 * ({@code "GARBAGE"}, {@code "A","B"}) and {@code true}/{@code false} against a string or boolean input, and an input
 * expression that only names a string or boolean variable ({@link SimpleCells});</li>
 * <li>everything else is parsed once and evaluated by FEEL, with the stock engine's context and errors.</li>
 * </ul>
 * {@code CachingFeelEngineTests} checks that casegrid's decisions come out exactly as with the stock engine.
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
		SimpleCells.Value simple = SimpleCells.variable(expression, variableContext);
		if (simple != null) {
			return (T) simple.value();
		}
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
		Boolean simple = SimpleCells.test(expression, inputVariable, variableContext);
		if (simple != null) {
			return simple;
		}
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
