package io.casegrid.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The reads people make all day, on a database with years of cases: a grid worker's task list, a township's task
 * list by SLA due time, the county's at-risk board and one case with its timeline. Each runs with
 * {@code bench.users} concurrent users of its own, all four at once. The grid worker and the dispatcher are
 * {@code bench.gridWorker} and {@code bench.dispatcher}: a realistic county's or the crowded worst case's.
 */
public class QuerySimulation extends Simulation {

	static final String GRID_TASKS = "grid worker task list";

	static final String TOWNSHIP_TASKS = "township task list by due time";

	static final String AT_RISK = "county at-risk board";

	static final String CASE = "case with timeline";

	/** Ids of cases to read, open and archived, set by the benchmark. */
	static final List<String> CASE_IDS = new CopyOnWriteArrayList<>();

	{
		ScenarioBuilder gridWorker = scenario(GRID_TASKS).exec(http(GRID_TASKS).get("/api/v1/tasks?size=20")
			.header("Authorization", session -> "Bearer " + Tokens.of(System.getProperty("bench.gridWorker", "grid-dg1")))
			.check(status().is(200), jsonPath("$.total").ofLong().gt(0L)));
		ScenarioBuilder township = scenario(TOWNSHIP_TASKS).exec(http(TOWNSHIP_TASKS)
			.get("/api/v1/tasks?sort=due&size=20")
			.header("Authorization",
					session -> "Bearer " + Tokens.of(System.getProperty("bench.dispatcher", "dispatcher-cg")))
			.check(status().is(200), jsonPath("$.total").ofLong().gt(0L)));
		ScenarioBuilder county = scenario(AT_RISK).exec(http(AT_RISK).get("/api/v1/sla/at-risk?size=20")
			.header("Authorization", session -> "Bearer " + Tokens.of("centre"))
			.check(status().is(200)));
		ScenarioBuilder oneCase = scenario(CASE).exec(http(CASE)
			.get(session -> "/api/v1/cases/" + CASE_IDS.get(ThreadLocalRandom.current().nextInt(CASE_IDS.size())))
			.header("Authorization", session -> "Bearer " + Tokens.of("centre"))
			.check(status().is(200), jsonPath("$.timeline[0]").exists()));
		int users = BenchSettings.users();
		int seconds = BenchSettings.seconds();
		setUp(gridWorker.injectClosed(constantConcurrentUsers(users).during(seconds)),
				township.injectClosed(constantConcurrentUsers(users).during(seconds)),
				county.injectClosed(constantConcurrentUsers(users).during(seconds)),
				oneCase.injectClosed(constantConcurrentUsers(users).during(seconds)))
			.protocols(BenchSettings.protocol())
			.assertions(BenchSettings.measured(GRID_TASKS, TOWNSHIP_TASKS, AT_RISK, CASE));
	}

}
