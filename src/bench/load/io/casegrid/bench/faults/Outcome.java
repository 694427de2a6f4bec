package io.casegrid.bench.faults;

import java.util.UUID;

/**
 * What one intake request got: an HTTP status (or none, {@link #NO_ANSWER}, when the connection failed or timed out),
 * the case it names, and what a fault scenario asserts about an error answer.
 *
 * @param sentAtMillis when it was sent, in milliseconds since the harness started
 */
record Outcome(String key, long seq, String node, int status, UUID caseId, boolean replayed, String contentType,
		String problemType, boolean leaksInternals, long sentAtMillis, long millis, String error) {

	static final int NO_ANSWER = -1;

	boolean acknowledged() {
		return status == 201 && caseId != null;
	}

	boolean problemJson() {
		return contentType != null && contentType.startsWith("application/problem+json");
	}

}
