package io.casegrid.process.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * A field of a task's form other than its outcome: its key is the process variable it becomes, its label the form's
 * (Chinese) label; the limits are the form's {@code validate} settings (absent ones are {@code null}). {@code hide} is
 * the form's {@code conditional.hide} FEEL expression (without the leading {@code =}), or {@code null}. A choice field's
 * {@code choices} are its static values with their labels, in the form's order (empty for other fields).
 */
public record FormField(String key, String label, FieldType type, boolean required, Integer minLength,
		Integer maxLength, String pattern, BigDecimal min, BigDecimal max, List<FormChoice> choices, String hide) {

	/** The allowed values (codes) of a choice field. */
	public List<String> options() {
		return choices.stream().map(FormChoice::value).toList();
	}

}
