package io.casegrid.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The stable problem types of the API, as declared in {@code openapi/casegrid.yaml}. */
public enum ProblemType {

	UNAUTHORIZED("unauthorized", "Authentication required"),
	FORBIDDEN("forbidden", "Not allowed"),
	VALIDATION("validation", "Invalid request"),
	NOT_FOUND("not-found", "Not found"),
	CONFLICT("conflict", "Conflict"),
	TOO_LARGE("too-large", "Request too large"),
	TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
	IDEMPOTENCY_KEY_REUSE("idempotency-key-reuse", "Idempotency-Key reused with a different request"),
	UNAVAILABLE("unavailable", "Service temporarily unavailable"),
	INTERNAL("internal", "Internal error");

	private final URI uri;

	private final String title;

	ProblemType(String slug, String title) {
		this.uri = URI.create("urn:casegrid:problem:" + slug);
		this.title = title;
	}

	public URI uri() {
		return uri;
	}

	public String title() {
		return title;
	}

	/** The type for an error that only has a status, e.g. one the servlet container answers by itself. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 409 -> CONFLICT;
			case 413 -> TOO_LARGE;
			case 429 -> TOO_MANY_REQUESTS;
			case 503 -> UNAVAILABLE;
			default -> status < 500 ? VALIDATION : INTERNAL;
		};
	}

	/** A problem of this type. */
	public ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(uri);
		problem.setTitle(title);
		return problem;
	}

}
