package io.casegrid.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.Task;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A vulnerable reporter's raised priority acts on worklists: it is shown on the task, {@code sort=priority} puts it
 * first, and a township dispatcher's worklist is in that order by default.
 */
@HttpTest
class TaskPriorityHttpTests {

	@LocalServerPort
	int port;

	CasegridClient gridWorker;

	CasegridClient dispatcher;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
	}

	@Test
	void aVulnerableReportersCaseShowsItsPriorityOnTheTask() throws Exception {
		UUID vulnerable = reportNeedingTriage(true);
		UUID plain = reportNeedingTriage(false);
		assertThat(dispatcher.awaitTask(vulnerable, "Task_Dispatch").getPriority()).isEqualTo(Task.PriorityEnum.HIGH);
		assertThat(dispatcher.awaitTask(plain, "Task_Dispatch").getPriority()).isEqualTo(Task.PriorityEnum.NORMAL);
	}

	@Test
	void sortByPriorityPutsTheVulnerableReportersLaterCaseFirst() throws Exception {
		// a case reaches its dispatch task after an asynchronous step: the later report waits until the earlier
		// report's task is there, so that the tasks' creation order is the reports' order
		UUID earlierPlain = reportNeedingTriage(false);
		dispatcher.awaitTask(earlierPlain, "Task_Dispatch");
		UUID laterVulnerable = reportNeedingTriage(true);
		dispatcher.awaitTask(laterVulnerable, "Task_Dispatch");

		List<UUID> byPriority = caseOrder(dispatcher, "priority");
		List<UUID> byCreation = caseOrder(dispatcher, "created");

		assertThat(byPriority.indexOf(laterVulnerable)).isLessThan(byPriority.indexOf(earlierPlain));
		assertThat(byCreation.indexOf(earlierPlain)).isLessThan(byCreation.indexOf(laterVulnerable));
	}

	@Test
	void aDispatchersWorklistIsPriorityFirstByDefault() throws Exception {
		UUID earlierPlain = reportNeedingTriage(false);
		UUID laterVulnerable = reportNeedingTriage(true);
		dispatcher.awaitTask(earlierPlain, "Task_Dispatch");
		dispatcher.awaitTask(laterVulnerable, "Task_Dispatch");

		List<UUID> byDefault = caseOrder(dispatcher, null);

		assertThat(byDefault.indexOf(laterVulnerable)).isGreaterThanOrEqualTo(0)
			.isLessThan(byDefault.indexOf(earlierPlain));
	}

	@Test
	void anUnknownSortIsRefusedNamingTheParameter() {
		ApiException refused = CasegridClient
			.failureOf(() -> dispatcher.tasks.listTasks(null, null, null, "importance", 0, 10));
		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("sort");
	}

	private UUID reportNeedingTriage(boolean vulnerable) throws Exception {
		var report = CasegridClient.reportNeedingTriage();
		if (vulnerable) {
			report.getReporter().addTagsItem("LIVING_ALONE_ELDERLY");
		}
		return gridWorker.intake.reportCase(report, null).getId();
	}

	private static List<UUID> caseOrder(CasegridClient client, String sort) throws Exception {
		return client.tasks.listTasks(null, null, null, sort, 0, 200)
			.getItems()
			.stream()
			.filter(t -> t.getTaskKey().equals("Task_Dispatch"))
			.map(Task::getCaseId)
			.toList();
	}

}
