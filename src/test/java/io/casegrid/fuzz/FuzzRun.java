package io.casegrid.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fuzz run sent and got back: counts per operation, status and mutation, the slowest answer, and the
 * violations, grouped by operation, mutation and status so that one bug does not hide another in a thousand lines.
 * An answer is a violation when it is a 5xx (or anything but 2xx/4xx), a 4xx that is not a problem+json stating its
 * own status, or slower than the time budget. Safe to share between threads.
 */
public final class FuzzRun {

	private final long seed;

	private final Duration budget;

	private final ObjectMapper json;

	private final long started = System.nanoTime();

	private final Map<String, Integer> perOperation = new TreeMap<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private final Map<String, Integer> perMutation = new TreeMap<>();

	private final Map<String, Integer> perPrincipal = new TreeMap<>();

	private final Map<String, Double> secondsPerOperation = new TreeMap<>();

	private final Map<String, List<String>> violations = new LinkedHashMap<>();

	private int requests;

	private int overBudget;

	private long slowestNanos;

	private String slowest = "";

	private int databaseChecks;

	private int databaseRechecks;

	/** @param budget the longest any one request may take to be answered */
	public FuzzRun(long seed, Duration budget, ObjectMapper json) {
		this.seed = seed;
		this.budget = budget;
		this.json = json;
	}

	/** Counts an answer and checks it: status, problem+json, time. */
	public synchronized void answered(FuzzRequest request, RawHttp.Response response, long nanos) {
		int status = response.status();
		requests++;
		secondsPerOperation.merge(request.operationId(), nanos / 1e9, Double::sum);
		perOperation.merge(request.operationId(), 1, Integer::sum);
		statuses.merge(status, 1, Integer::sum);
		perPrincipal.merge(request.principal(), 1, Integer::sum);
		(request.mutations().isEmpty() ? List.of("none") : request.mutations())
			.forEach(m -> perMutation.merge(m, 1, Integer::sum));
		if (nanos > slowestNanos) {
			slowestNanos = nanos;
			slowest = request.operationId() + " → " + status + ": " + request.describe();
		}
		if (nanos > budget.toNanos()) {
			overBudget++;
			violation(request, status, "answered in %.1f s, over its budget of %d s".formatted(nanos / 1e9,
					budget.toSeconds()));
		}
		check(request, response);
	}

	private void check(FuzzRequest request, RawHttp.Response response) {
		int status = response.status();
		if (status < 200 || status >= 300 && status < 400 || status >= 500) {
			violation(request, status, "unexpected status: " + FuzzRequest.abbreviate(response.text(), 300));
			return;
		}
		if (status < 400) {
			return;
		}
		if (!response.contentType().startsWith("application/problem+json")) {
			violation(request, status, "not problem+json but '" + response.contentType() + "': "
					+ FuzzRequest.abbreviate(response.text(), 200));
			return;
		}
		try {
			JsonNode problem = json.readTree(response.body());
			if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()
					|| problem.path("type").asText().isBlank()) {
				violation(request, status, "problem without matching status, title or type: "
						+ FuzzRequest.abbreviate(problem.toString(), 300));
			}
		}
		catch (IOException ex) {
			violation(request, status, "problem body is not JSON: " + FuzzRequest.abbreviate(response.text(), 200));
		}
	}

	synchronized void checkedDatabase(int rechecks) {
		databaseChecks++;
		databaseRechecks += rechecks;
	}

	public synchronized void violation(FuzzRequest request, int status, String what) {
		String group = request.operationId() + " " + request.mutations() + " → " + status + ": "
				+ (what.startsWith("answered in") ? "over its time budget" : what);
		violations.computeIfAbsent(group, g -> new ArrayList<>()).add(what + " — " + request.describe());
	}

	public synchronized int requests() {
		return requests;
	}

	synchronized int databaseChecks() {
		return databaseChecks;
	}

	public synchronized Map<String, Integer> perOperation() {
		return new TreeMap<>(perOperation);
	}

	public synchronized Map<String, Integer> perPrincipal() {
		return new TreeMap<>(perPrincipal);
	}

	public synchronized Map<Integer, Integer> statuses() {
		return new TreeMap<>(statuses);
	}

	/** One line a kind of violation, with how often it happened and the first request that caused it. */
	public synchronized List<String> violations() {
		List<String> lines = new ArrayList<>();
		violations.forEach((group, requests) -> lines
			.add(group + " (" + requests.size() + "×), e.g. " + FuzzRequest.abbreviate(requests.get(0), 600)));
		return lines;
	}

	/** The figures of the run so far. */
	public synchronized Map<String, Object> summary() {
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("seed", seed);
		summary.put("requests", requests);
		summary.put("seconds", Math.round(seconds * 10) / 10.0);
		summary.put("requestsPerSecond", Math.round(requests / seconds * 10) / 10.0);
		summary.put("budgetSeconds", budget.toMillis() / 1000.0);
		summary.put("overBudget", overBudget);
		summary.put("slowestSeconds", Math.round(slowestNanos / 1e6) / 1000.0);
		summary.put("slowestRequest", FuzzRequest.abbreviate(slowest, 400));
		summary.put("operations", perOperation.size());
		summary.put("perOperation", new TreeMap<>(perOperation));
		summary.put("statuses", new TreeMap<>(statuses));
		summary.put("perMutation", new TreeMap<>(perMutation));
		summary.put("perPrincipal", new TreeMap<>(perPrincipal));
		summary.put("secondsPerOperation", new TreeMap<>(secondsPerOperation));
		summary.put("violations", violations());
		return summary;
	}

	synchronized void write(Path file, double databaseSeconds) throws IOException {
		Map<String, Object> summary = summary();
		summary.put("databaseChecks", databaseChecks);
		summary.put("databaseRechecks", databaseRechecks);
		summary.put("databaseSeconds", databaseSeconds);
		Files.createDirectories(file.getParent());
		json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
	}

}
