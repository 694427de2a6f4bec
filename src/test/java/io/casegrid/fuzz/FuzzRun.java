package io.casegrid.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fuzz run sent and got back: counts per operation, status and mutation, and the violations, grouped by
 * operation, mutation and status so that one bug does not hide another in a thousand lines.
 */
final class FuzzRun {

	private final long seed;

	private final long started = System.nanoTime();

	private final Map<String, Integer> perOperation = new TreeMap<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private final Map<String, Integer> perMutation = new TreeMap<>();

	private final Map<String, Double> secondsPerOperation = new TreeMap<>();

	private final Map<String, List<String>> violations = new LinkedHashMap<>();

	private int requests;

	private int databaseChecks;

	private int databaseRechecks;

	FuzzRun(long seed) {
		this.seed = seed;
	}

	void sent(FuzzRequest request, int status, long nanos) {
		requests++;
		secondsPerOperation.merge(request.operationId(), nanos / 1e9, Double::sum);
		perOperation.merge(request.operationId(), 1, Integer::sum);
		statuses.merge(status, 1, Integer::sum);
		(request.mutations().isEmpty() ? List.of("none") : request.mutations())
			.forEach(m -> perMutation.merge(m, 1, Integer::sum));
	}

	void checkedDatabase(int rechecks) {
		databaseChecks++;
		databaseRechecks += rechecks;
	}

	void violation(FuzzRequest request, int status, String what) {
		String group = request.operationId() + " " + request.mutations() + " → " + status + ": " + what;
		violations.computeIfAbsent(group, g -> new ArrayList<>()).add(request.describe());
	}

	int requests() {
		return requests;
	}

	int databaseChecks() {
		return databaseChecks;
	}

	Map<String, Integer> perOperation() {
		return perOperation;
	}

	Map<Integer, Integer> statuses() {
		return statuses;
	}

	/** One line a kind of violation, with how often it happened and the first request that caused it. */
	List<String> violations() {
		List<String> lines = new ArrayList<>();
		violations.forEach((group, requests) -> lines
			.add(group + " (" + requests.size() + "×), e.g. " + requests.get(0)));
		return lines;
	}

	void write(Path file, ObjectMapper json, double databaseSeconds) throws IOException {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("seed", seed);
		summary.put("requests", requests);
		summary.put("seconds", (System.nanoTime() - started) / 1_000_000_000.0);
		summary.put("operations", perOperation.size());
		summary.put("perOperation", perOperation);
		summary.put("statuses", statuses);
		summary.put("perMutation", perMutation);
		summary.put("secondsPerOperation", secondsPerOperation);
		summary.put("databaseChecks", databaseChecks);
		summary.put("databaseRechecks", databaseRechecks);
		summary.put("databaseSeconds", databaseSeconds);
		summary.put("violations", violations());
		Files.createDirectories(file.getParent());
		json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
	}

}
