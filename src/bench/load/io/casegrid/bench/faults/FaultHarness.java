package io.casegrid.bench.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.casegrid.identity.KeycloakServer;

import io.casegrid.bench.Tokens;

/**
 * The fault harness of docs/reliability.md: crash under load, database outage, two nodes on one database, webhooks
 * delivered while a node is killed, and a long fuzz run over the whole contract. Runs the
 * built service jar as separate processes against one Keycloak it starts itself, writes summary.json, and exits
 * non-zero when any scenario's assertions failed. Run it through src/bench/run-faults.sh, which builds the jar.
 *
 * <pre>
 * FaultHarness --work DIR --jar JAR --keycloak-home DIR [--only crash,outage,nodes,delivery,fuzz] [--cases 1000]
 *     [--fuzz-requests 100000] [--fuzz-clients 4] [--fuzz-budget-seconds 2] [--fuzz-seed 20261130]
 * </pre>
 */
public final class FaultHarness {

	/** The harness's clock origin: outcomes carry milliseconds since then. */
	static final long EPOCH = System.nanoTime();

	private FaultHarness() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path work = Path.of(options.get("work")).toAbsolutePath();
		Set<String> only = Set.of(options.getOrDefault("only", "crash,outage,nodes,delivery,fuzz").split(","));
		int cases = Integer.parseInt(options.getOrDefault("cases", "1000"));
		Files.createDirectories(work);
		Instant started = Instant.now();
		List<Findings> results = new ArrayList<>();
		KeycloakServer keycloak = new KeycloakServer(new KeycloakServer.Settings(
				Path.of(options.get("keycloak-home")).toAbsolutePath(), work.resolve("keycloak"), 0, "casegrid",
				() -> FaultHarness.class.getResourceAsStream("/keycloak-realm/casegrid-realm.json"), "admin", "admin",
				Duration.ofMinutes(4)));
		Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
		try (keycloak) {
			keycloak.start().awaitReady();
			Tokens tokens = Tokens.at(keycloak.issuerUri());
			Bench bench = new Bench(work, new Service.Settings(Path.of(options.get("jar")).toAbsolutePath(),
					Path.of(options.get("keycloak-home")).toAbsolutePath(), keycloak.issuerUri(),
					Path.of(System.getProperty("java.home"), "bin", "java")), tokens,
					new IntakeClient(tokens, EPOCH), work.resolve("logs"));
			if (only.contains("crash")) {
				results.add(guarded("crash-under-load", () -> new CrashUnderLoad(bench, 8, 40, Duration.ofSeconds(20)).run()));
			}
			if (only.contains("outage")) {
				results.add(guarded("database-outage", () -> new DatabaseOutage(bench, 6, Duration.ofSeconds(30)).run()));
			}
			if (only.contains("nodes")) {
				results.add(guarded("two-nodes", () -> new TwoNodes(bench, cases, 8, Math.max(1, cases / 10)).run()));
			}
			if (only.contains("delivery")) {
				results.add(guarded("webhook-delivery", () -> new DeliveryUnderKill(bench, 400, 2, 100,
						Duration.ofSeconds(10)).run()));
			}
			if (only.contains("fuzz")) {
				int requests = Integer.parseInt(options.getOrDefault("fuzz-requests", "100000"));
				int clients = Integer.parseInt(options.getOrDefault("fuzz-clients", "4"));
				Duration budget = Duration.ofSeconds(Long.parseLong(options.getOrDefault("fuzz-budget-seconds", "2")));
				long seed = Long.parseLong(options.getOrDefault("fuzz-seed", "20261130"));
				results.add(guarded("contract-fuzz", () -> new ContractFuzz(bench, requests, clients, budget, seed).run()));
			}
		}
		boolean passed = results.stream().allMatch(Findings::passed);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("started", started.toString());
		summary.put("minutes", Math.round(Duration.between(started, Instant.now()).toSeconds() / 6.0) / 10.0);
		summary.put("passed", passed);
		summary.put("scenarios", results.stream().map(Findings::toMap).toList());
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(work.resolve("summary.json").toFile(),
				summary);
		results.forEach(r -> System.out.printf("%-18s %s%n", r.scenario(), r.passed() ? "PASSED" : "FAILED"));
		System.out.println("figures: " + work.resolve("summary.json"));
		System.exit(passed ? 0 : 1);
	}

	interface Scenario {

		Findings run() throws Exception;

	}

	/** A scenario that throws (a node that would not start, …) fails with the reason, and the others still run. */
	private static Findings guarded(String name, Scenario scenario) {
		try {
			return scenario.run();
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			Findings failed = new Findings(name);
			failed.fail("aborted: " + ex);
			return failed;
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		for (String required : List.of("work", "jar", "keycloak-home")) {
			if (!options.containsKey(required)) {
				throw new IllegalArgumentException("--" + required + " is required");
			}
		}
		return options;
	}

}
