package io.casegrid.web;

/**
 * The caller may see the resource but not do this to it, e.g. complete a task it is not a candidate for. (What the
 * caller may not see at all is a {@link NotFoundException}.)
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String detail) {
		super(detail);
	}

}
