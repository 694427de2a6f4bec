package io.casegrid.process.feel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Decision table cells simple enough to decide without FEEL, with FEEL's meaning: a cell answers null when it is not
 * one of them, or when the input is not a string or boolean (FEEL then decides, as before).
 */
final class SimpleCells {

	/** A value found without FEEL (which may itself be null). */
	record Value(Object value) {
	}

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern STRINGS = Pattern.compile("\\s*\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*\\s*");

	private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

	/** Per unary-test text: the literals it allows, or an empty list for "not simple". */
	private static final Map<String, List<Object>> TESTS = new ConcurrentHashMap<>();

	private static final List<Object> NOT_SIMPLE = List.of();

	private static final List<Object> ANY = List.of(new Object());

	private SimpleCells() {
	}

	/** An input expression that only names a variable holding a string, a boolean or nothing. */
	static Value variable(String expression, VariableContext context) {
		String name = expression.trim();
		if (!NAME.matcher(name).matches() || name.equals("null") || name.equals("true") || name.equals("false")
				|| !context.containsVariable(name)) {
			return null;
		}
		Object value = valueOf(context.resolve(name));
		return value == null || value instanceof String || value instanceof Boolean ? new Value(value) : null;
	}

	/** {@code -}, string literals or a boolean literal, tested against a string, boolean or null input. */
	static Boolean test(String expression, String inputVariable, VariableContext context) {
		List<Object> allowed = TESTS.computeIfAbsent(expression, SimpleCells::literals);
		if (allowed == NOT_SIMPLE) {
			return null;
		}
		if (allowed == ANY) {
			return true;
		}
		if (!context.containsVariable(inputVariable)) {
			return null;
		}
		Object input = valueOf(context.resolve(inputVariable));
		if (input != null && !(input instanceof String) && !(input instanceof Boolean)) {
			return null;
		}
		return input != null && allowed.contains(input);
	}

	private static List<Object> literals(String expression) {
		String text = expression.trim();
		if (text.equals("-")) {
			return ANY;
		}
		if (text.equals("true") || text.equals("false")) {
			return List.of(Boolean.valueOf(text));
		}
		if (!STRINGS.matcher(text).matches()) {
			return NOT_SIMPLE;
		}
		List<Object> strings = new ArrayList<>();
		Matcher string = STRING.matcher(text);
		while (string.find()) {
			strings.add(string.group(1));
		}
		return List.copyOf(strings);
	}

	private static Object valueOf(TypedValue typed) {
		return typed == null ? null : typed.getValue();
	}

}
