package io.casegrid.worklist;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.casegrid.org.OrgDirectory;
import io.casegrid.web.FieldError;
import io.casegrid.web.FieldErrors;
import io.casegrid.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks a completion against the task's contract and turns it into process variables: the outcome must be one the
 * task allows, every required field must be there, no unknown field may be, and each value must fit its type.
 */
@Component
class CompletionRules {

	private final OrgDirectory org;

	CompletionRules(OrgDirectory org) {
		this.org = org;
	}

	Map<String, Object> variables(UserTaskContract contract, String outcomeCode, Map<String, String> fields) {
		TaskOutcome outcome = contract.outcomes()
			.stream()
			.filter(o -> o.code().equals(outcomeCode))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("outcome", "is not an outcome of this task; allowed: "
					+ contract.outcomes().stream().map(TaskOutcome::code).toList()));
		Map<String, String> given = fields == null ? Map.of() : fields;
		List<FieldError> errors = new ArrayList<>();
		Set<String> known = outcome.fields().stream().map(OutcomeField::name).collect(Collectors.toSet());
		given.keySet()
			.stream()
			.filter(name -> !known.contains(name))
			.sorted()
			.forEach(name -> errors.add(new FieldError("fields." + FieldErrors.echo(name),
					"is not a field of outcome " + outcomeCode)));
		Map<String, Object> variables = new HashMap<>();
		variables.put(contract.outcomeVariable(), outcome.code());
		for (OutcomeField field : outcome.fields()) {
			String value = given.get(field.name());
			if (value == null || value.isBlank()) {
				if (field.required()) {
					errors.add(new FieldError("fields." + field.name(), "is required for outcome " + outcomeCode));
				}
				continue;
			}
			Object typed = typed(field, value.strip(), errors);
			if (typed != null) {
				variables.put(field.name(), typed);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return variables;
	}

	private Object typed(OutcomeField field, String value, List<FieldError> errors) {
		String path = "fields." + field.name();
		if (value.length() > field.maxLength()) {
			errors.add(new FieldError(path, "is longer than " + field.maxLength() + " characters"));
			return null;
		}
		return switch (field.type()) {
			case TEXT -> value;
			case ORG_UNIT -> {
				if (org.find(value).isEmpty()) {
					errors.add(new FieldError(path, "is not a known org unit: " + value));
					yield null;
				}
				yield value;
			}
			case CHOICE -> {
				if (!field.options().contains(value)) {
					errors.add(new FieldError(path, "is not one of " + field.options()));
					yield null;
				}
				yield value;
			}
			case DATE_TIME -> {
				try {
					yield Date.from(OffsetDateTime.parse(value).toInstant());
				}
				catch (DateTimeParseException ex) {
					errors.add(new FieldError(path, "is not an ISO-8601 date-time with offset"));
					yield null;
				}
			}
		};
	}

}
