package io.casegrid.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that is well-formed but breaks a rule the contract cannot express (e.g. an unknown org unit). However many
 * fields are wrong, it keeps (and a problem reports) only the first {@link FieldErrors#REPORTED}, with their count.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	private final int errorCount;

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidRequestException(List<FieldError> errors) {
		super(errors.stream()
			.limit(FieldErrors.REPORTED)
			.map(e -> e.field() + ": " + e.message())
			.collect(Collectors.joining("; ")));
		this.errors = FieldErrors.reported(errors);
		this.errorCount = errors.size();
	}

	/** The first {@link FieldErrors#REPORTED} offending fields. */
	public List<FieldError> errors() {
		return errors;
	}

	/** How many fields were wrong in all. */
	public int errorCount() {
		return errorCount;
	}

}
