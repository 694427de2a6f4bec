package io.casegrid.web;

import java.util.List;

/** A request that is well-formed but breaks a rule the contract cannot express (e.g. an unknown org unit). */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidRequestException(List<FieldError> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
