package io.casegrid.web;

/** A file larger than the service takes (413): nothing of it was stored. */
public class FileTooLargeException extends RuntimeException {

	public FileTooLargeException(String message) {
		super(message);
	}

}
