package io.casegrid.bench;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What every simulation shares: where the service is, how long and how hard to drive it (system properties set by
 * {@link Benchmark}), and the figures to report.
 */
final class BenchSettings {

	private BenchSettings() {
	}

	static final double[] PERCENTILES = { 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9 };

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(System.getProperty("bench.baseUrl", "http://localhost:8080"))
			// what the contract answers: JSON bodies, problem+json errors (completeTask has only the latter)
			.acceptHeader("application/json, application/problem+json")
			.contentTypeHeader("application/json")
			.shareConnections()
			.disableCaching();
	}

	static int users() {
		return Integer.getInteger("bench.users", 4);
	}

	static int seconds() {
		return Integer.getInteger("bench.seconds", 20);
	}

	/**
	 * Gatling writes the actual value of every assertion to {@code js/assertions.json}: asserting what we want to
	 * read (always true) is how the benchmark gets the figures of a run without parsing the HTML report.
	 */
	static List<Assertion> measured(String... requests) {
		List<Assertion> assertions = new ArrayList<>(of(null));
		for (String request : requests) {
			assertions.addAll(of(request));
		}
		return assertions;
	}

	private static List<Assertion> of(String request) {
		var scope = request == null ? global() : details(request);
		List<Assertion> assertions = new ArrayList<>(List.of(scope.requestsPerSec().gte(0.0),
				scope.successfulRequests().count().gte(0L), scope.failedRequests().count().gte(0L),
				scope.responseTime().min().gte(0)));
		// enough points of the latency distribution to draw it (Plots), p50/p95/p99 among them for the goals
		for (double percentile : PERCENTILES) {
			assertions.add(scope.responseTime().percentile(percentile).gte(0));
		}
		assertions.add(scope.responseTime().max().gte(0));
		return assertions;
	}

}
