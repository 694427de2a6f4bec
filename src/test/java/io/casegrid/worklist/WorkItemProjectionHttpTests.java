package io.casegrid.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work-item projection that worklists read ({@code work_item}, {@code work_item_holder}) follows a task through
 * what happens to it over the API and in the engine, and an existing database gets its open tasks back-filled.
 */
@HttpTest
class WorkItemProjectionHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	RuntimeService runtime;

	CasegridClient gridWorker;

	CasegridClient township;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
	}

	@Test
	void claimUnclaimAndCompletionMoveTheTaskBetweenItsGroupAndItsHolder() throws Exception {
		Task handle = handlingTaskOfANewCase();
		assertThat(holders(handle.getId())).containsExactly("group:" + DemoCounty.GRID_DONGGUAN_1);
		assertThat(row(handle.getId())).containsEntry("assignee", null)
			.containsEntry("task_key", "Task_HandleAtLevel")
			.containsEntry("case_id", handle.getCaseId());

		gridWorker.tasks.claimTask(handle.getId());
		assertThat(row(handle.getId())).containsEntry("assignee", DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(holders(handle.getId())).containsExactly("user:" + DemoUsers.GRID_WORKER_DONGGUAN_1);

		gridWorker.tasks.unclaimTask(handle.getId());
		assertThat(row(handle.getId())).containsEntry("assignee", null);
		assertThat(holders(handle.getId())).containsExactly("group:" + DemoCounty.GRID_DONGGUAN_1);

		gridWorker.tasks.claimTask(handle.getId());
		gridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已劝导住户拆除飞线"));
		assertThat(rows(handle.getId())).isZero();
		assertThat(holders(handle.getId())).isEmpty();
	}

	@Test
	void escalationReplacesTheGridTaskWithTheTownshipsInBothWorklists() throws Exception {
		Task handle = handlingTaskOfANewCase();
		gridWorker.tasks.claimTask(handle.getId());
		gridWorker.tasks.completeTask(handle.getId(), new TaskCompletion().outcome("ESCALATE")
			.putFieldsItem("escalationReason", "涉及多个部门，网格无力解决"));

		Task townshipTask = await().atMost(Duration.ofSeconds(30))
			.until(() -> township.tasks.listTasks(handle.getCaseId(), null, null, null, 0, 10).getItems(),
					tasks -> tasks.stream().anyMatch(t -> t.getTaskKey().equals("Task_HandleAtLevel")))
			.stream()
			.filter(t -> t.getTaskKey().equals("Task_HandleAtLevel"))
			.findFirst()
			.orElseThrow();
		assertThat(rows(handle.getId())).isZero();
		assertThat(holders(townshipTask.getId())).containsExactly("group:" + DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(townshipTask.getCandidateGroups()).containsExactly(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(gridWorker.tasks.listTasks(handle.getCaseId(), null, null, null, 0, 10).getItems())
			.extracting(Task::getId)
			.doesNotContain(handle.getId(), townshipTask.getId());
	}

	@Test
	void cancelledProcessTakesItsTasksOutOfTheProjectionAndTheWorklist() throws Exception {
		Task handle = handlingTaskOfANewCase();
		String instance = (String) row(handle.getId()).get("process_instance_id");

		runtime.deleteProcessInstance(instance, "withdrawn by the reporter", true);

		assertThat(rows(handle.getId())).isZero();
		assertThat(holders(handle.getId())).isEmpty();
		assertThat(gridWorker.tasks.listTasks(handle.getCaseId(), null, null, null, 0, 10).getItems())
			.extracting(Task::getId)
			.doesNotContain(handle.getId());
	}

	@Test
	void migrationBackFillsTheOpenTasksOfADatabaseThatHadNoProjection() throws Exception {
		Task handle = handlingTaskOfANewCase();
		gridWorker.tasks.claimTask(handle.getId());
		Map<String, Object> written = row(handle.getId());
		List<String> held = holders(handle.getId());
		jdbc.sql("DELETE FROM work_item WHERE task_id = :id").param("id", handle.getId()).update();
		assertThat(gridWorker.tasks.listTasks(handle.getCaseId(), null, null, null, 0, 10).getItems()).isEmpty();

		jdbcTemplate.execute(new ClassPathResource("db/migration/V26__work_items.sql")
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(row(handle.getId())).isEqualTo(written);
		assertThat(holders(handle.getId())).isEqualTo(held);
		assertThat(gridWorker.tasks.listTasks(handle.getCaseId(), null, null, null, 0, 10).getItems())
			.extracting(Task::getId)
			.containsExactly(handle.getId());
	}

	private Task handlingTaskOfANewCase() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		return gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
	}

	private Map<String, Object> row(String taskId) {
		return jdbc.sql("""
				SELECT task_id, case_id, process_instance_id, process_definition_id, task_key, name,
				       array_to_string(candidate_groups, ',') AS candidate_groups, assignee, priority, due, created
				  FROM work_item WHERE task_id = :id""")
			.param("id", taskId)
			.query()
			.singleRow();
	}

	private long rows(String taskId) {
		return jdbc.sql("SELECT count(*) FROM work_item WHERE task_id = :id")
			.param("id", taskId)
			.query(Long.class)
			.single();
	}

	private List<String> holders(String taskId) {
		return jdbc.sql("SELECT holder FROM work_item_holder WHERE task_id = :id ORDER BY holder")
			.param("id", taskId)
			.query(String.class)
			.list();
	}

}
