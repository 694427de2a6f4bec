package io.casegrid.web;

import java.util.List;

/**
 * How much of a validation failure a problem reports: a request with 80,000 wrong fields gets the first 20 and the
 * count, so that neither building nor sending the answer costs more than the request did. Names and values echoed
 * in a message are cut to {@link #ECHOED} characters.
 */
public final class FieldErrors {

	/** Offending fields listed in one problem's {@code errors}. */
	public static final int REPORTED = 20;

	/** Characters of a client's name or value repeated in a message. */
	public static final int ECHOED = 80;

	private FieldErrors() {
	}

	static List<FieldError> reported(List<FieldError> errors) {
		return List.copyOf(errors.size() <= REPORTED ? errors : errors.subList(0, REPORTED));
	}

	/** A name or value from the request, as a message may quote it. */
	public static String echo(String text) {
		return text.length() <= ECHOED ? text : text.substring(0, ECHOED) + "…";
	}

}
