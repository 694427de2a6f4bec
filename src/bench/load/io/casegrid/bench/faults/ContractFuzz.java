package io.casegrid.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.DemoCounty;
import io.casegrid.fuzz.Contract;
import io.casegrid.fuzz.ContractOperation;
import io.casegrid.fuzz.FuzzRequest;
import io.casegrid.fuzz.FuzzRun;
import io.casegrid.fuzz.KnownIds;
import io.casegrid.fuzz.Principal;
import io.casegrid.fuzz.RawHttp;
import io.casegrid.fuzz.RequestFuzzer;
import io.casegrid.fuzz.SchemaValues;

/**
 * The long fuzz run: the generator of the test suite's {@code ApiFuzzHttpTests} sends bad, boundary and bound-breaking
 * requests to every operation of the contract, as every user and app of the realm (all roles), from several clients
 * at once, against the jar as it is built for a county. Asserts what the test does — no 5xx, every refusal a
 * problem+json — and that no request took longer than its time budget.
 */
final class ContractFuzz {

	private static final String CENTRE = "centre";

	private final Bench bench;

	private final int requests;

	private final int clients;

	private final Duration budget;

	private final long seed;

	private final ObjectMapper json = new ObjectMapper();

	ContractFuzz(Bench bench, int requests, int clients, Duration budget, long seed) {
		this.bench = bench;
		this.requests = requests;
		this.clients = clients;
		this.budget = budget;
		this.seed = seed;
	}

	Findings run() throws Exception {
		Findings f = new Findings("contract-fuzz");
		Service node = bench.node("fuzz", Map.of("CASEGRID_DATA_DIR", bench.workDir().resolve("fuzz").toString(),
				"CASEGRID_PG_PORT", Integer.toString(Bench.freePort())));
		try (node) {
			f.figure("start to ready (s)", node.start(bench.logDir()));
			Contract contract = Contract.read(Path.of("openapi/casegrid.yaml"));
			List<ContractOperation> operations = contract.operations();
			List<Principal> everyone = Principal.everyoneIn(Path.of("keycloak-realm/casegrid-realm.json"),
					new Principal.Tokens() {
						@Override
						public String user(String username) {
							return bench.tokens().token(username);
						}

						@Override
						public String client(String clientId, String secret) {
							return bench.tokens().client(clientId, secret);
						}
					});
			KnownIds ids = knownIds(node);
			FuzzRun run = new FuzzRun(seed, budget, json);
			send(node, contract, operations, everyone, ids, run);

			Map<String, Object> summary = run.summary();
			List.of("requests", "seconds", "requestsPerSecond", "statuses", "budgetSeconds", "overBudget",
					"slowestSeconds", "slowestRequest", "operations", "perPrincipal", "perMutation")
				.forEach(name -> f.figure(name, summary.get(name)));
			f.figure("clients", clients);
			f.figure("seed", seed);
			f.check(run.requests() >= requests, "sent " + run.requests() + " of " + requests + " requests");
			f.check(run.perOperation().keySet().size() == operations.size(),
					"operations not fuzzed: " + operations.stream().map(ContractOperation::id)
						.filter(id -> !run.perOperation().containsKey(id)).toList());
			f.check(run.perPrincipal().keySet().containsAll(everyone.stream().map(Principal::name).toList()),
					"callers not used: " + everyone.stream().map(Principal::name)
						.filter(p -> !run.perPrincipal().containsKey(p)).toList());
			run.violations().forEach(f::fail);
			f.figure("violations", run.violations().size());
		}
		return f;
	}

	/** {@link #clients} clients share the request budget; each has its own seeded generator. */
	private void send(Service node, Contract contract, List<ContractOperation> operations, List<Principal> everyone,
			KnownIds ids, FuzzRun run) throws Exception {
		AtomicInteger sent = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Random random = new Random(seed + c);
			done.add(pool.submit(() -> {
				RequestFuzzer fuzzer = new RequestFuzzer(random, new SchemaValues(contract, random), json, everyone,
						ids);
				List<ContractOperation> schedule = RequestFuzzer.schedule(operations, random);
				RawHttp http = new RawHttp(node.port());
				for (int i = sent.getAndIncrement(); i < requests; i = sent.getAndIncrement()) {
					FuzzRequest request = fuzzer.next(schedule.get(i % schedule.size()));
					long sending = System.nanoTime();
					RawHttp.Response response;
					try {
						response = http.send(request);
					}
					catch (java.io.IOException ex) {
						response = new RawHttp.Response(0, Map.of(),
								("no answer: " + ex).getBytes(StandardCharsets.UTF_8));
					}
					run.answered(request, response, System.nanoTime() - sending);
					if (i % 10_000 == 0) {
						System.out.printf("[contract-fuzz] %d requests, statuses %s, %d violation kinds%n", i,
								run.statuses(), run.violations().size());
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> client : done) {
			client.get();
		}
		pool.awaitTermination(1, TimeUnit.MINUTES);
	}

	/**
	 * Cases, tasks and supervision orders that exist, so that mutated requests also reach the rules behind the lookup
	 * of their resource: a few reported cases (they wait in their grids' worklists).
	 */
	private KnownIds knownIds(Service node) throws Exception {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Outcome reported = bench.client().report(node, "fuzz-seed-" + i, i);
			if (reported.acknowledged()) {
				cases.add(reported.caseId().toString());
			}
		}
		List<String> tasks = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (tasks.isEmpty() && System.nanoTime() < deadline) {
			Pause.of(Duration.ofSeconds(1));
			get(node, "/api/v1/tasks?size=50").path("items").forEach(t -> tasks.add(t.path("id").asText()));
		}
		List<String> orders = new ArrayList<>();
		get(node, "/api/v1/supervision-orders?size=20").path("items")
			.forEach(o -> orders.add(o.path("id").asText()));
		return new KnownIds(cases, tasks, orders, List.of(DemoCounty.COUNTY, DemoCounty.TOWNSHIP_CHENGGUAN,
				DemoCounty.GRID_DONGGUAN_1, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, "no-such-unit"));
	}

	private JsonNode get(Service node, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
				.header("Authorization", bench.tokens().bearer(CENTRE))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

}
