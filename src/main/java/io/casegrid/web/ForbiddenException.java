package io.casegrid.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The caller may see the resource but not do this to it, e.g. complete a task it is not a candidate for, or report
 * into a place outside its own. (What the caller may not see at all is a {@link NotFoundException}.)
 */
public class ForbiddenException extends RuntimeException {

	private final List<FieldError> errors;

	public ForbiddenException(String detail) {
		super(detail);
		this.errors = List.of();
	}

	/** Forbidden because of what fields of the request say (the place reported into, the channel claimed). */
	public ForbiddenException(List<FieldError> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	/** The fields that make the request forbidden, if it is one of theirs; empty otherwise. */
	public List<FieldError> errors() {
		return errors;
	}

}
