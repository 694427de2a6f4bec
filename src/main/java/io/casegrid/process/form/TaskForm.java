package io.casegrid.process.form;

import java.util.List;
import java.util.Optional;

/**
 * What a deployed Camunda Form asks of whoever completes its task: the process variable that receives the outcome
 * (the key of the form's one {@code radio} field), the outcomes, and every other field. Read from the form by
 * {@link FormReading}; the conventions it relies on are in {@code docs/designers.md}.
 */
public record TaskForm(String formKey, String outcomeKey, List<FormOutcome> outcomes, List<FormField> fields) {

	/** The key of the optional remark every form may carry; the REST API takes it as the completion's comment. */
	public static final String COMMENT = "comment";

	public Optional<FormOutcome> outcome(String code) {
		return outcomes.stream().filter(o -> o.code().equals(code)).findFirst();
	}

	public List<String> outcomeCodes() {
		return outcomes.stream().map(FormOutcome::code).toList();
	}

	public Optional<FormField> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

}
