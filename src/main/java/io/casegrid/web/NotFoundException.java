package io.casegrid.web;

/** No such resource, or one the caller may not see (both are 404 so that ids of other orgs leak nothing). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
