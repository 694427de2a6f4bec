package io.casegrid.worklist;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.casegrid.org.OrgDirectory;
import io.casegrid.process.form.FieldType;
import io.casegrid.process.form.FormField;
import io.casegrid.process.form.FormOutcome;
import io.casegrid.process.form.FormReading;
import io.casegrid.process.form.TaskForm;
import io.casegrid.web.FieldError;
import io.casegrid.web.FieldErrors;
import io.casegrid.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks a completion against the task's deployed form and turns it into process variables: the outcome must be one of
 * the form's outcome values; only fields the form shows for it may be sent; each must fit its type and the form's
 * limits; each required one the form shows (its {@code conditional.hide} evaluated with the outcome and the values
 * sent) must be there. Errors name the field's key and the form's label.
 */
@Component
class CompletionRules {

	private final OrgDirectory org;

	CompletionRules(OrgDirectory org) {
		this.org = org;
	}

	Map<String, Object> variables(TaskForm form, String outcomeCode, Map<String, String> fields) {
		FormOutcome outcome = form.outcome(outcomeCode)
			.orElseThrow(() -> new InvalidRequestException("outcome",
					"is not an outcome of this task; allowed: " + form.outcomeCodes()));
		Map<String, String> given = fields == null ? Map.of() : fields;
		List<FieldError> errors = new ArrayList<>();
		Set<String> known = outcome.fields().stream().map(FormField::key).collect(Collectors.toSet());
		given.keySet()
			.stream()
			.filter(name -> !known.contains(name))
			.sorted()
			.forEach(name -> errors.add(new FieldError("fields." + FieldErrors.echo(name),
					"is not a field of outcome " + outcomeCode)));
		Map<String, Object> typed = new HashMap<>();
		for (FormField field : outcome.fields()) {
			String value = given.get(field.key());
			if (value != null && !value.isBlank()) {
				Object v = typed(field, value.strip(), errors);
				if (v != null) {
					typed.put(field.key(), v);
				}
			}
		}
		Map<String, Object> chosen = new HashMap<>(typed);
		chosen.put(form.outcomeKey(), outcome.code());
		Map<String, Object> variables = new HashMap<>();
		variables.put(form.outcomeKey(), outcome.code());
		for (FormField field : outcome.fields()) {
			if (FormReading.hidden(field, chosen)) {
				continue;
			}
			if (typed.containsKey(field.key())) {
				variables.put(field.key(), typed.get(field.key()));
			}
			else if (field.required() && isBlank(given, field)) {
				errors.add(new FieldError("fields." + field.key(),
						"「" + field.label() + "」必填 / is required for outcome " + outcomeCode));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return variables;
	}

	private static boolean isBlank(Map<String, String> given, FormField field) {
		String value = given.get(field.key());
		return value == null || value.isBlank();
	}

	private Object typed(FormField field, String value, List<FieldError> errors) {
		String path = "fields." + field.key();
		String named = "「" + field.label() + "」";
		if (field.maxLength() != null && value.length() > field.maxLength()) {
			errors.add(new FieldError(path, named + "过长 / is longer than " + field.maxLength() + " characters"));
			return null;
		}
		if (field.minLength() != null && value.length() < field.minLength()) {
			errors.add(new FieldError(path, named + "过短 / is shorter than " + field.minLength() + " characters"));
			return null;
		}
		if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
			errors.add(new FieldError(path, named + "格式不对 / does not match " + field.pattern()));
			return null;
		}
		return switch (field.type()) {
			case TEXT -> value;
			case ORG_UNIT -> {
				if (org.find(value).isEmpty()) {
					errors.add(new FieldError(path, named + "不是已知的组织 / is not a known org unit: " + value));
					yield null;
				}
				yield value;
			}
			case CHOICE -> {
				if (!field.options().contains(value)) {
					errors.add(new FieldError(path, named + "不是可选值 / is not one of " + field.options()));
					yield null;
				}
				yield value;
			}
			case DATE_TIME -> {
				try {
					yield Date.from(OffsetDateTime.parse(value).toInstant());
				}
				catch (DateTimeParseException ex) {
					errors.add(new FieldError(path, named + "不是日期时间 / is not an ISO-8601 date-time with offset"));
					yield null;
				}
			}
			case NUMBER -> number(field, value, path, named, errors);
			case BOOLEAN -> {
				if (!value.equals("true") && !value.equals("false")) {
					errors.add(new FieldError(path, named + "只能是 true 或 false / is not true or false"));
					yield null;
				}
				yield Boolean.valueOf(value);
			}
		};
	}

	private static Object number(FormField field, String value, String path, String named, List<FieldError> errors) {
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(path, named + "不是数字 / is not a number"));
			return null;
		}
		if (field.min() != null && number.compareTo(field.min()) < 0
				|| field.max() != null && number.compareTo(field.max()) > 0) {
			errors.add(new FieldError(path, named + "超出范围 / is not between " + field.min() + " and " + field.max()));
			return null;
		}
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException notWhole) {
			return number.doubleValue();
		}
	}

}
