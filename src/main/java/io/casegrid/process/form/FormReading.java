package io.casegrid.process.form;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Reads a Camunda Form (the JSON Camunda Modeler saves) as a task's contract, and says where it breaks the conventions
 * the REST API relies on ({@code docs/designers.md}): exactly one {@code radio} field, required, whose static values
 * are the outcome codes; every other input field of a known type, with a key and a label; {@code conditional.hide} a
 * FEEL expression. The fields of an outcome are those its {@code hide} expressions show when only the outcome is
 * chosen.
 */
public final class FormReading {

	/**
	 * The most input fields, outcomes and values of a select a form may have: the bounds of the API's
	 * {@code Outcome.fields}, {@code Task.outcomes} and {@code OutcomeField.choices} ({@code maxItems}).
	 */
	public static final int MAX_FIELDS = 100;

	public static final int MAX_OUTCOMES = 20;

	public static final int MAX_CHOICES = 200;


	/** A form, or what is wrong with it (then {@code form} is {@code null}). */
	public record Result(TaskForm form, List<Problem> problems) {
	}

	/** One thing wrong with a form: the component it is about (its id, else its key), in Chinese and English. */
	public record Problem(String componentId, String chinese, String english) {
	}

	/** Field types that take a value, and those that only show something. */
	public static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select",
			"radio", "checkbox");

	public static final Set<String> DISPLAY_TYPES = Set.of("text", "spacer", "separator");

	/** The custom property ({@code properties} in the form, "Custom properties" in Modeler) that narrows a type. */
	public static final String VALUE_TYPE = "valueType";

	private static final Pattern OUTCOME_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private static final int DEFAULT_MAX_LENGTH = 4000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private FormReading() {
	}

	public static Result read(byte[] json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (IOException ex) {
			root = null;
		}
		if (root == null || !root.path("components").isArray()) {
			return failed(new Problem(null, "不是有效的 Camunda 表单（JSON，含 components）",
					"not a Camunda Form (JSON with components)"));
		}
		String formKey = root.path("id").asText("");
		List<Problem> problems = new ArrayList<>();
		if (formKey.isBlank()) {
			problems.add(new Problem(null, "表单缺少 id（表单键，camunda:formRef 引用它）",
					"the form has no id (its key, which camunda:formRef names)"));
		}
		List<JsonNode> radios = new ArrayList<>();
		List<FormField> fields = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode component : root.path("components")) {
			String type = component.path("type").asText("");
			String where = where(component);
			if (DISPLAY_TYPES.contains(type)) {
				continue;
			}
			if (!INPUT_TYPES.contains(type)) {
				problems.add(new Problem(where, "表单字段类型不受支持：" + type + "（可用：" + sorted(INPUT_TYPES) + "，仅展示："
						+ sorted(DISPLAY_TYPES) + "）", "unknown form field type: " + type + " (known: "
								+ sorted(INPUT_TYPES) + "; display only: " + sorted(DISPLAY_TYPES) + ")"));
				continue;
			}
			String key = component.path("key").asText("");
			if (!VARIABLE_NAME.matcher(key).matches()) {
				problems.add(new Problem(where, "字段的 key 必须是变量名（字母开头，仅字母、数字、下划线）：" + key,
						"a field's key must be a variable name (a letter, then letters, digits, underscores): " + key));
				continue;
			}
			if (!keys.add(key)) {
				problems.add(new Problem(where, "字段 key 重复：" + key, "duplicate field key: " + key));
				continue;
			}
			if ("radio".equals(type)) {
				radios.add(component);
				continue;
			}
			FormField field = field(component, type, key, problems);
			if (field != null && !TaskForm.COMMENT.equals(key)) {
				fields.add(field);
			}
		}
		if (radios.size() != 1) {
			problems.add(new Problem(null, "表单必须有且只有一个单选（radio）字段：办理结果，其选项值是结果代码（现有 " + radios.size() + " 个）",
					"a form must have exactly one radio field, the outcome, whose values are the outcome codes (it has "
							+ radios.size() + ")"));
		}
		List<FormOutcome> outcomes = radios.size() == 1 ? outcomes(radios.get(0), fields, problems) : List.of();
		if (fields.size() > MAX_FIELDS) {
			problems.add(new Problem(null, "表单最多 " + MAX_FIELDS + " 个输入字段（现有 " + fields.size() + " 个）",
					"a form has at most " + MAX_FIELDS + " input fields (it has " + fields.size() + ")"));
		}
		if (outcomes.size() > MAX_OUTCOMES) {
			problems.add(new Problem(null, "办理结果最多 " + MAX_OUTCOMES + " 个（现有 " + outcomes.size() + " 个）",
					"a form has at most " + MAX_OUTCOMES + " outcomes (it has " + outcomes.size() + ")"));
		}
		if (!problems.isEmpty()) {
			return new Result(null, List.copyOf(problems));
		}
		return new Result(new TaskForm(formKey, radios.get(0).path("key").asText(), outcomes, List.copyOf(fields)),
				List.of());
	}

	/** Whether a field with this {@code hide} expression is hidden, given the values chosen so far. */
	public static boolean hidden(FormField field, Map<String, Object> values) {
		if (field.hide() == null) {
			return false;
		}
		EvaluationResult result = FEEL.evaluateExpression(field.hide(), values);
		return result.isSuccess() && Boolean.TRUE.equals(result.result());
	}

	private static FormField field(JsonNode component, String type, String key, List<Problem> problems) {
		String where = where(component);
		JsonNode validate = component.path("validate");
		String label = component.path("datetime".equals(type) ? "dateLabel" : "label").asText("");
		if (label.isBlank()) {
			problems.add(new Problem(where, "字段 " + key + " 缺少标签（label" + ("datetime".equals(type) ? "，日期时间字段为 dateLabel" : "")
					+ "）", "field " + key + " has no label"));
		}
		String valueType = component.path("properties").path(VALUE_TYPE).asText("");
		FieldType fieldType = switch (type) {
			case "textfield", "textarea" -> "ORG_UNIT".equals(valueType) ? FieldType.ORG_UNIT : FieldType.TEXT;
			case "number" -> FieldType.NUMBER;
			case "datetime" -> FieldType.DATE_TIME;
			case "checkbox" -> FieldType.BOOLEAN;
			default -> FieldType.CHOICE;
		};
		if (!valueType.isEmpty() && !("ORG_UNIT".equals(valueType) && fieldType == FieldType.ORG_UNIT)) {
			problems.add(new Problem(where, "自定义属性 valueType 只能是 ORG_UNIT，且只用于文本字段：" + valueType,
					"the custom property valueType may only be ORG_UNIT, on a text field: " + valueType));
		}
		if (fieldType == FieldType.DATE_TIME && !"datetime".equals(component.path("subtype").asText("datetime"))) {
			problems.add(new Problem(where, "日期时间字段的子类型必须是 datetime（日期和时间）", "a datetime field's subtype must be datetime"));
		}
		List<FormChoice> choices = fieldType == FieldType.CHOICE ? values(component, where, problems) : List.of();
		String pattern = validate.path("pattern").asText(null);
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				problems.add(new Problem(where, "校验规则 pattern 不是有效的正则表达式：" + pattern,
						"validate.pattern is not a valid regular expression: " + pattern));
			}
		}
		String hide = hide(component, problems);
		boolean required = validate.path("required").asBoolean(false);
		if (TaskForm.COMMENT.equals(key) && (required || fieldType != FieldType.TEXT)) {
			problems.add(new Problem(where, "字段 comment 是备注：只能是可选的文本字段", "the field comment is the remark: optional text only"));
		}
		Integer maxLength = integer(validate.path("maxLength"));
		if (maxLength == null && (fieldType == FieldType.TEXT || fieldType == FieldType.ORG_UNIT)) {
			maxLength = DEFAULT_MAX_LENGTH;
		}
		return new FormField(key, label, fieldType, required, integer(validate.path("minLength")), maxLength, pattern,
				decimal(validate.path("min")), decimal(validate.path("max")), choices, hide);
	}

	private static List<FormOutcome> outcomes(JsonNode radio, List<FormField> fields, List<Problem> problems) {
		String where = where(radio);
		String key = radio.path("key").asText();
		if (!radio.path("validate").path("required").asBoolean(false)) {
			problems.add(new Problem(where, "办理结果字段 " + key + " 必须必填（validate.required）",
					"the outcome field " + key + " must be required (validate.required)"));
		}
		if (!radio.path("conditional").path("hide").isMissingNode()) {
			problems.add(new Problem(where, "办理结果字段不能有隐藏条件（conditional.hide）", "the outcome field must not be hidden"));
		}
		List<FormOutcome> outcomes = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (JsonNode value : radio.path("values")) {
			String code = value.path("value").asText("");
			String label = value.path("label").asText("");
			if (!OUTCOME_CODE.matcher(code).matches()) {
				problems.add(new Problem(where, "结果代码必须是大写英文加下划线，如 RESOLVED：" + code,
						"an outcome code must be upper case with underscores, like RESOLVED: " + code));
			}
			else if (!codes.add(code)) {
				problems.add(new Problem(where, "结果代码重复：" + code, "duplicate outcome code: " + code));
			}
			if (label.isBlank()) {
				problems.add(new Problem(where, "结果 " + code + " 缺少中文标签", "outcome " + code + " has no label"));
			}
			Map<String, Object> chosen = Map.of(key, code);
			outcomes.add(new FormOutcome(code, label, fields.stream().filter(f -> !hidden(f, chosen)).toList()));
		}
		if (outcomes.isEmpty()) {
			problems.add(new Problem(where, "办理结果字段必须有固定的选项（values），每个选项值是一个结果代码",
					"the outcome field must have static values, one per outcome code"));
		}
		return outcomes;
	}

	private static List<FormChoice> values(JsonNode component, String where, List<Problem> problems) {
		List<FormChoice> options = new ArrayList<>();
		component.path("values").forEach(v -> {
			String value = v.path("value").asText();
			String label = v.path("label").asText("");
			if (label.isBlank()) {
				problems.add(new Problem(where, "选项 " + value + " 缺少中文标签（label）", "the value " + value + " has no label"));
			}
			options.add(new FormChoice(value, label.isBlank() ? value : label));
		});
		if (options.size() > MAX_CHOICES) {
			problems.add(new Problem(where, "下拉字段最多 " + MAX_CHOICES + " 个选项（现有 " + options.size() + " 个）",
					"a select field has at most " + MAX_CHOICES + " values (it has " + options.size() + ")"));
		}
		if (options.isEmpty()) {
			problems.add(new Problem(where, "下拉字段必须有固定的选项（values），不能取自变量或表达式",
					"a select field must have static values, not values from a variable or expression"));
		}
		return List.copyOf(options);
	}

	private static String hide(JsonNode component, List<Problem> problems) {
		JsonNode node = component.path("conditional").path("hide");
		if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
			return null;
		}
		String text = node.asText().strip();
		String expression = text.startsWith("=") ? text.substring(1) : null;
		if (expression == null || FEEL.parseExpression(expression).isFailure()) {
			problems.add(new Problem(where(component), "隐藏条件不是以 = 开头的有效 FEEL 表达式：" + text,
					"conditional.hide is not a valid FEEL expression starting with =: " + text));
			return null;
		}
		return expression;
	}

	private static Integer integer(JsonNode node) {
		return node.isNumber() ? node.intValue() : null;
	}

	private static BigDecimal decimal(JsonNode node) {
		return node.isNumber() ? node.decimalValue() : null;
	}

	private static String where(JsonNode component) {
		String id = component.path("id").asText("");
		return id.isEmpty() ? component.path("key").asText(null) : id;
	}

	private static List<String> sorted(Set<String> names) {
		return names.stream().sorted().toList();
	}

	private static Result failed(Problem problem) {
		return new Result(null, List.of(problem));
	}

}
