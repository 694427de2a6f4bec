package io.casegrid.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Task;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Bad input, generated from {@code openapi/casegrid.yaml}: every operation gets requests built from its schemas and
 * then broken — boundary and hostile values, wrong types, missing and unknown fields, megabytes, deep nesting,
 * malformed JSON, invalid UTF-8 in body, path and query, wrong Content-Type, unknown ids, bad Idempotency-Keys, wrong
 * methods, callers without the right or without any token; and bodies past the contract's bounds — objects with
 * tens of thousands of properties, arrays and strings far over their {@code maxItems} and {@code maxLength}.
 * Whatever arrives, the service must not fail (no 5xx), must say what was wrong as problem+json, must answer within
 * {@link #BUDGET}, and must not store anything of a request it rejected.
 * <p>
 * The seed ({@code -Dfuzz.seed}) fixes the requests; {@code -Dfuzz.requests} sets the budget for a longer run. The
 * figures go to {@code target/fuzz-summary.json}.
 */
@HttpTest
class ApiFuzzHttpTests {

	private static final Logger log = LoggerFactory.getLogger(ApiFuzzHttpTests.class);

	/**
	 * How often a rejected request is sent again when the database changed around it, to tell it from the job
	 * executor.
	 */
	private static final int RECHECKS = 3;

	/** The longest any one request, however large or hostile, may take to be answered. */
	static final Duration BUDGET = Duration.ofSeconds(2);

	private final int port;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	@Autowired
	ApiFuzzHttpTests(@LocalServerPort int port, JdbcClient jdbc, ObjectMapper json) {
		this.port = port;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Test
	void everyOperationAnswersBadInputWithAProblemInTimeAndStoresNothing() throws Exception {
		long seed = Long.getLong("fuzz.seed", 20_261_123L);
		int budget = Integer.getInteger("fuzz.requests", 1_500);
		Contract contract = Contract.read(Path.of("openapi/casegrid.yaml"));
		List<ContractOperation> operations = contract.operations();
		Random random = new Random(seed);
		DatabaseFingerprint database = new DatabaseFingerprint(jdbc);
		RequestFuzzer fuzzer = new RequestFuzzer(random, new SchemaValues(contract, random), json, Principal.demo(),
				knownIds(database));
		RawHttp http = new RawHttp(port);
		FuzzRun run = new FuzzRun(seed, BUDGET, json);

		List<ContractOperation> schedule = RequestFuzzer.schedule(operations, random);
		for (int i = 0; i < budget; i++) {
			FuzzRequest request = fuzzer.next(schedule.get(i % schedule.size()));
			Map<String, String> before = database.take();
			long sending = System.nanoTime();
			RawHttp.Response response = http.send(request);
			run.answered(request, response, System.nanoTime() - sending);
			if (response.status() >= 400 && response.status() < 500) {
				Map<String, String> changes = storedByRejected(http, database, request, response.status(), before, run);
				if (!changes.isEmpty()) {
					run.violation(request, response.status(), "a rejected request changed the database " + changes);
				}
			}
		}
		run.write(Path.of("target/fuzz-summary.json"), database.seconds());
		log.info("Fuzzed {} requests (seed {}) over {} operations: statuses {}, {} database checks", run.requests(),
				seed, run.perOperation().size(), run.statuses(), run.databaseChecks());

		assertThat(run.violations()).as("violations (seed %d, see target/fuzz-summary.json)", seed).isEmpty();
		assertThat(run.perOperation().keySet()).as("operations fuzzed")
			.containsExactlyInAnyOrderElementsOf(operations.stream().map(ContractOperation::id).toList());
		assertThat(run.databaseChecks()).as("rejected requests checked against the database").isPositive();
	}

	/**
	 * The tables a rejected request changed. The shared context's job executor may change them at the same moment,
	 * so a change is only blamed on the request when sending it again (rejected the same way) changes them again.
	 */
	private Map<String, String> storedByRejected(RawHttp http, DatabaseFingerprint database, FuzzRequest request,
			int status, Map<String, String> before, FuzzRun run) throws Exception {
		Map<String, String> changes = DatabaseFingerprint.changes(before, database.take());
		int rechecks = 0;
		while (!changes.isEmpty() && rechecks < RECHECKS) {
			rechecks++;
			Thread.sleep(200L * rechecks);
			Map<String, String> again = database.take();
			int replayed = http.send(request).status();
			Map<String, String> changedAgain = DatabaseFingerprint.changes(again, database.take());
			if (replayed == status && changedAgain.isEmpty()) {
				changes = Map.of();
			}
		}
		run.checkedDatabase(rechecks);
		return changes;
	}

	/**
	 * Cases, tasks and supervision orders that exist, and units of the demo county. Reporting the cases also shows
	 * that the fingerprint sees what a request stores.
	 */
	private KnownIds knownIds(DatabaseFingerprint database) throws Exception {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		Map<String, String> before = database.take();
		UUID reported = centre.intake.reportCase(CasegridClient.flyingWireReport().title("模糊测试的案件"), null)
			.getId();
		assertThat(DatabaseFingerprint.changes(before, database.take())).as("what reporting a case changed")
			.containsKeys("case_file", "act_hi_procinst");
		UUID triage = centre.intake.reportCase(CasegridClient.reportNeedingTriage(), null).getId();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !centre.tasks.listTasks(triage, null, null, null, 0, 5).getItems().isEmpty());
		List<String> cases = new ArrayList<>(List.of(reported.toString(), triage.toString()));
		centre.cases.listCases(null, null, null, null, null, null, null, 0, 20)
			.getItems()
			.forEach(c -> cases.add(c.getId().toString()));
		List<String> tasks = centre.tasks.listTasks(null, null, null, null, 0, 50)
			.getItems()
			.stream()
			.map(Task::getId)
			.toList();
		List<String> orders = centre.supervision.listSupervisionOrders(null, null, null, 0, 20)
			.getItems()
			.stream()
			.map(o -> o.getId().toString())
			.toList();
		return new KnownIds(cases, tasks, orders, List.of(DemoCounty.COUNTY, DemoCounty.TOWNSHIP_CHENGGUAN,
				DemoCounty.GRID_DONGGUAN_1, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, "no-such-unit"));
	}

}
