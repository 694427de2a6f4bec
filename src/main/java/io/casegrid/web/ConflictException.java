package io.casegrid.web;

/** The resource is not in a state that allows the operation. */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
