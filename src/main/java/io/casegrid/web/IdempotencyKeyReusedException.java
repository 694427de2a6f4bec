package io.casegrid.web;

/** The Idempotency-Key was used before with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException(String key) {
		super("Idempotency-Key '" + key + "' was already used with a different request body");
	}

}
