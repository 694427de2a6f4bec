package io.casegrid.bench;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Grid workers working off their handling tasks (调查落实): claim (签收) and complete with 已办结, through
 * {@code /api/v1/tasks}. The benchmark hands the simulation the open handling tasks of each demo grid worker
 * ({@link #QUEUE}), so that concurrent users never race for the same task.
 */
public class TaskWorkSimulation extends Simulation {

	static final String CLAIM = "POST /api/v1/tasks/{id}/claim";

	static final String COMPLETE = "POST /api/v1/tasks/{id}/complete";

	/** Open handling tasks: task id → the grid worker who may take it. */
	static final Queue<Map<String, Object>> QUEUE = new ConcurrentLinkedQueue<>();

	{
		ScenarioBuilder gridWorkers = scenario("网格员办结")
			.exec(session -> {
				Map<String, Object> task = QUEUE.poll();
				return task == null ? session.markAsFailed() : session.setAll(task);
			})
			.doIf(session -> session.contains("taskId"))
			.then(http(CLAIM).post(session -> "/api/v1/tasks/" + session.getString("taskId") + "/claim")
				.header("Authorization", session -> "Bearer " + Tokens.of(session.getString("worker")))
				.check(status().is(200)),
					http(COMPLETE).post(session -> "/api/v1/tasks/" + session.getString("taskId") + "/complete")
						.header("Authorization", session -> "Bearer " + Tokens.of(session.getString("worker")))
						.body(StringBody("{\"outcome\":\"RESOLVED\",\"fields\":{\"resolution\":\"已现场处置，隐患消除。\"}}"))
						.check(status().is(204)));
		setUp(gridWorkers.injectClosed(constantConcurrentUsers(BenchSettings.users()).during(BenchSettings.seconds())))
			.protocols(BenchSettings.protocol())
			.assertions(BenchSettings.measured(CLAIM, COMPLETE));
	}

}
