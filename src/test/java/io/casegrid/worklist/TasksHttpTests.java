package io.casegrid.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.OutcomeFieldChoice;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tasks API as a grid-worker app or a dispatcher console uses it. */
@HttpTest
class TasksHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	CasegridClient client;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void dispatchTaskDescribesItsOutcomesAndTheirFields() throws Exception {
		Task dispatch = newDispatchTask();
		var dispatchOutcome = dispatch.getOutcomes().get(0);
		assertThat(dispatchOutcome.getLabel()).isEqualTo("派单");
		assertThat(dispatchOutcome.getFields()).anySatisfy(f -> {
			assertThat(f.getName()).isEqualTo("handlingUnitCode");
			assertThat(f.getRequired()).isTrue();
			assertThat(f.getType().getValue()).isEqualTo("ORG_UNIT");
		});
		assertThat(client.tasks.getTask(dispatch.getId()).getTaskKey()).isEqualTo("Task_Dispatch");
		assertThat(client.tasks.listTasks(null, "dispatcher", null, null, 0, 200).getItems()).extracting(Task::getId)
			.contains(dispatch.getId());
	}

	@Test
	void aChoiceFieldGivesEachValueWithTheLabelOfTheDeployedForm() throws Exception {
		var track = newDispatchTask().getOutcomes().get(0).getFields().stream()
			.filter(f -> f.getName().equals("track"))
			.findFirst()
			.orElseThrow();

		assertThat(track.getOptions()).containsExactly("GRID", "DEPARTMENT", "DISPUTE", "EMERGENCY");
		assertThat(track.getChoices()).extracting(OutcomeFieldChoice::getValue, OutcomeFieldChoice::getLabel)
			.containsExactly(tuple("GRID", "网格处置"), tuple("DEPARTMENT", "部门处置"), tuple("DISPUTE", "矛盾纠纷调解"),
					tuple("EMERGENCY", "突发事件"));
	}

	@Test
	void aTasksTimeLeftIsCountedOnTheServersClock() throws Exception {
		var gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		Task task = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		Instant due = task.getDue().toInstant();
		try {
			// before due: past due, the breach timer would take the task away (escalation) under the test's feet
			ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(90))));
			assertThat(gridWorker.tasks.getTask(task.getId()).getRemaining()).isEqualTo("PT1H30M");
			ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(25))));
			assertThat(gridWorker.tasks.listTasks(caseId, null, null, null, 0, 20).getItems()).extracting(Task::getRemaining)
				.containsExactly("PT25M");
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void worklistSortedByDueTimeShowsTheSoonestTimeLimitFirst() throws Exception {
		var gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID urgent = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		UUID ordinary = gridWorker.intake.reportCase(CasegridClient.flyingWireReport().categoryCode("GARBAGE"), null)
			.getId();
		gridWorker.awaitTask(urgent, "Task_HandleAtLevel");
		gridWorker.awaitTask(ordinary, "Task_HandleAtLevel");

		var byDue = gridWorker.tasks.listTasks(null, null, null, "due", 0, 200).getItems();
		assertThat(byDue).extracting(Task::getDue).doesNotContainNull().isSorted();
		assertThat(byDue).extracting(Task::getCaseId).contains(urgent, ordinary);
		assertThat(fieldsOf(() -> gridWorker.tasks.listTasks(null, null, null, "soonest", 0, 20))).contains("sort");
	}

	@Test
	void outcomeTheTaskDoesNotAllowIsNamed() throws Exception {
		Task dispatch = newDispatchTask();
		assertThat(fieldsOf(
				() -> client.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("RESOLVED"))))
			.contains("outcome");
	}

	@Test
	void missingRequiredFieldIsNamed() throws Exception {
		Task dispatch = newDispatchTask();
		assertThat(fieldsOf(
				() -> client.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("DISPATCH"))))
			.contains("fields.handlingUnitCode");
	}

	@Test
	void unknownOrgUnitAndUnknownFieldAreNamed() throws Exception {
		Task dispatch = newDispatchTask();
		assertThat(fieldsOf(() -> client.tasks.completeTask(dispatch.getId(),
				new TaskCompletion().outcome("DISPATCH")
					.putFieldsItem("handlingUnitCode", "000000")
					.putFieldsItem("priority", "HIGH"))))
			.contains("fields.handlingUnitCode", "fields.priority");
		assertThat(client.tasks.getTask(dispatch.getId()).getAssignee()).as("rejected completion changes nothing")
			.isNull();
	}

	@Test
	void claimAndUnclaim() throws Exception {
		Task dispatch = newDispatchTask();
		assertThat(client.tasks.claimTask(dispatch.getId()).getAssignee()).isEqualTo(DemoUsers.CENTRE);
		assertThat(client.tasks.listTasks(null, null, DemoUsers.CENTRE, null, 0, 200).getItems()).extracting(Task::getId)
			.contains(dispatch.getId());
		assertThat(client.tasks.unclaimTask(dispatch.getId()).getAssignee()).isNull();
	}

	@Test
	void unknownTaskIs404() {
		assertThat(CasegridClient.statusOf(() -> client.tasks.getTask("no-such-task"))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(
				() -> client.tasks.completeTask("no-such-task", new TaskCompletion().outcome("RESOLVED"))))
			.isEqualTo(404);
	}

	@Test
	void evaluationOfACaseNotWaitingForOneIs409AndOfAnUnknownCase404() throws Exception {
		Task dispatch = newDispatchTask();
		assertThat(CasegridClient.statusOf(() -> client.feedback.evaluateCase(dispatch.getCaseId(),
				new Evaluation().score(EvaluationScore.SATISFIED))))
			.isEqualTo(409);
		assertThat(CasegridClient.statusOf(() -> client.feedback.evaluateCase(UUID.randomUUID(),
				new Evaluation().score(EvaluationScore.SATISFIED))))
			.isEqualTo(404);
	}

	@Test
	void handlingUnitReturnsTheCaseAndDispatchStartsAgain() throws Exception {
		Task dispatch = newDispatchTask();
		client.tasks.completeTask(dispatch.getId(),
				new TaskCompletion().outcome("DISPATCH").putFieldsItem("handlingUnitCode", DemoCounty.GRID_HEXI_1));
		CasegridClient hexiGridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_HEXI_1);
		Task handle = hexiGridWorker.awaitTask(dispatch.getCaseId(), "Task_HandleAtLevel");
		hexiGridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RETURN").putFieldsItem("returnReason", "不在本村辖区"));

		Task again = client.awaitTask(dispatch.getCaseId(), "Task_Dispatch");
		assertThat(again.getId()).isNotEqualTo(dispatch.getId());
		assertThat(client.cases.getCase(dispatch.getCaseId()).getHandlingUnit()).isNull();
	}

	private Task newDispatchTask() throws ApiException {
		UUID caseId = client.intake.reportCase(CasegridClient.reportNeedingTriage(), null).getId();
		return client.awaitTask(caseId, "Task_Dispatch");
	}

	private java.util.List<String> fieldsOf(CasegridClient.ThrowingCall call) throws Exception {
		ApiException failure = CasegridClient.failureOf(call);
		assertThat(failure.getCode()).isEqualTo(400);
		return json.readTree(failure.getResponseBody()).path("errors").findValuesAsText("field");
	}

}
