package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's action and a timer job that change the same SLA clock at the same moment (the grid resolves a case while
 * its 办结 timer fires): whichever commits second finds the clock's row changed under it. The race is provoked
 * deterministically: a transaction of the test changes the clock's row and holds it uncommitted, the racing action
 * reads the clock and waits on the row, the test commits — exactly what the first of two real writers does.
 */
@HttpTest
class SlaClockRaceHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	CasegridClient grid;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void aResolutionThatLosesItsClockToAConcurrentChangeIsA409AndSucceedsWhenSentAgain() throws Exception {
		UUID id = signedForAtTheGrid();
		UUID clock = gridHandlingClock(id).getId();

		CompletableFuture<Integer> resolving;
		try (Connection first = changedAndHeld(clock)) {
			resolving = CompletableFuture.supplyAsync(() -> {
				try {
					resolve(id);
					return 200;
				}
				catch (ApiException ex) {
					assertThat(ex.getResponseBody()).contains("urn:casegrid:problem:conflict");
					return ex.getCode();
				}
			});
			awaitWaitingOn();
			first.commit();
		}

		assertThat(resolving.get(60, TimeUnit.SECONDS)).isEqualTo(409);
		assertThat(gridHandlingClock(id).getState()).as("nothing of the refused action was kept")
			.isNotEqualTo(ClockState.MET);
		resolve(id);
		assertThat(gridHandlingClock(id).getState()).isEqualTo(ClockState.MET);
	}

	@Test
	void aBreachTimerThatLosesItsClockToAConcurrentChangeIsRetriedWithoutSpendingARetry() throws Exception {
		UUID id = signedForAtTheGrid();
		UUID clock = gridHandlingClock(id).getId();
		Job breach = breachTimer(id);
		int retries = breach.getRetries();

		CompletableFuture<Throwable> firing;
		try (Connection first = changedAndHeld(clock)) {
			firing = CompletableFuture.supplyAsync(() -> {
				try {
					management.executeJob(breach.getId());
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			awaitWaitingOn();
			first.commit();
		}

		assertThat(firing.get(60, TimeUnit.SECONDS)).isInstanceOf(OptimisticLockingException.class);
		assertThat(management.createJobQuery().jobId(breach.getId()).singleResult().getRetries())
			.as("a concurrent change, not a failure: the job executor tries again with its retries intact")
			.isEqualTo(retries);
		management.executeJob(breach.getId());
		assertThat(gridHandlingClock(id).getState()).isEqualTo(ClockState.BREACHED);
	}

	private UUID signedForAtTheGrid() throws ApiException {
		UUID id = grid.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString()).getId();
		grid.tasks.claimTask(grid.awaitTask(id, "Task_HandleAtLevel").getId());
		return id;
	}

	private void resolve(UUID id) throws ApiException {
		grid.tasks.completeTask(grid.awaitTask(id, "Task_HandleAtLevel").getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线"));
	}

	private SlaClockView gridHandlingClock(UUID id) throws ApiException {
		return centre.sla.getCaseSla(id)
			.getClocks()
			.stream()
			.filter(c -> c.getPhase().getValue().equals("HANDLING") && c.getLevel().getValue().equals("GRID"))
			.findFirst()
			.orElseThrow();
	}

	/** The first writer: the clock's row changed (as a stop would change it) in a transaction not yet committed. */
	private Connection changedAndHeld(UUID clock) throws Exception {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE sla_clock SET version = version + 1 WHERE id = ?")) {
			update.setObject(1, clock);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		return connection;
	}

	/** The second writer has read the clock and now waits for the first one's row lock. */
	private void awaitWaitingOn() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					 WHERE wait_event_type = 'Lock' AND query ILIKE 'UPDATE%sla_clock%'""")
				.query(Long.class)
				.single() > 0);
	}

	private Job breachTimer(UUID id) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(id.toString())
				.list()
				.stream()
				.map(p -> management.createJobQuery()
					.processInstanceId(p.getId())
					.activityId("BoundaryEvent_HandleBreach")
					.singleResult())
				.filter(j -> j != null)
				.findFirst()
				.orElse(null), j -> j != null);
	}

}
