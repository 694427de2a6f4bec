package io.casegrid.whistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ResponseLevel;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.SupervisionOrderView;
import io.casegrid.client.model.SupervisionReply;
import io.casegrid.client.model.SupervisionStatus;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WhistleRequest;
import io.casegrid.client.model.WhistleView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 吹哨 and 督办 through the API: whistle, the department's task and timers, a supervision order and its reply. */
@HttpTest
class WhistleHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	/** The grid worker of 东关社区第一网格, who reports and handles first. */
	CasegridClient client;

	/** The dispatcher of 城关街道, who whistles. */
	CasegridClient township;

	/** The officer of 县城市管理局, the whistled department. */
	CasegridClient department;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		department = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aWhistleNamesTheUnitThatBlewItBesideItsCode() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");

		WhistleView whistle = township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));

		assertThat(whistle.getWhistledBy()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(whistle.getWhistledByName()).isEqualTo("城关街道");
	}

	@Test
	void townshipWhistlesADepartmentThatGetsASupervisionOrderAndReplies() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");

		assertThat(CasegridClient.statusOf(() -> client.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))))
			.as("a grid worker may not whistle")
			.isEqualTo(403);
		assertThat(CasegridClient.statusOf(() -> township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))))
			.as("nor may the township while the case is at the grid: the grid holds the task a whistle completes")
			.isEqualTo(403);
		assertThat(CasegridClient.statusOf(() -> department.cases.getCase(caseId)))
			.as("the department sees the case only once whistled")
			.isEqualTo(404);
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		assertThat(CasegridClient.statusOf(() -> township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.VILLAGE_DONGGUAN)).lead(DemoCounty.VILLAGE_DONGGUAN))))
			.as("only departments can be whistled")
			.isEqualTo(400);

		WhistleView whistle = township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		assertThat(whistle.getWhistledBy()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		Task acknowledge = department.awaitTask(caseId, "Task_Acknowledge");
		assertThat(department.cases.getCase(caseId).getId()).as("whistled in, the department sees the case")
			.isEqualTo(caseId);
		assertThat(acknowledge.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(acknowledge.getOutcomes()).extracting(o -> o.getCode()).containsExactly("ACKNOWLEDGE", "RETURN");
		PendingTimer overdue = department.escalation.getCaseTimers(caseId)
			.stream()
			.filter(t -> t.getAction().equals("SUPERVISION_ORDER"))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.getDueAt()).isEqualTo(acknowledge.getDue());

		ClockUtil.setCurrentTime(Date.from(overdue.getDueAt().toInstant().plusSeconds(1)));
		try {
			management.executeJob(overdue.getJobId());
		}
		catch (ProcessEngineException ex) {
			// the job executor took it first
		}
		SupervisionOrderView order = await().atMost(Duration.ofSeconds(30))
			.until(() -> department.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems(),
					orders -> !orders.isEmpty())
			.get(0);
		assertThat(order.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(order.getStatus()).isEqualTo(SupervisionStatus.OPEN);
		assertThat(order.getCopiedTo()).contains("supervision-office", "discipline-commission");

		assertThat(new CasegridClient(port, DemoUsers.OFFICER_HOUSING).supervision
			.listSupervisionOrders(caseId, null, null, 0, 10)
			.getItems()).as("another department does not see the order").isEmpty();
		SupervisionOrderView replied = department.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("已安排执法队到场"));
		assertThat(replied.getStatus()).isEqualTo(SupervisionStatus.REPLIED);
		assertThat(replied.getRepliedBy()).isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		assertThat(CasegridClient.statusOf(() -> department.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("again"))))
			.isEqualTo(409);
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("ESCALATED", "WHISTLED", "SUPERVISION_ORDER_ISSUED", "SUPERVISION_REPLIED");
	}

	@Test
	void aDepartmentThatReturnsTheMatterShowsItsAcknowledgementClockAsReturnedNotMet() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		Task acknowledge = department.awaitTask(caseId, "Task_Acknowledge");

		department.tasks.completeTask(acknowledge.getId(),
				new TaskCompletion().outcome("RETURN").putFieldsItem("returnReason", "飞线属供电公司产权，不属城管职责"));

		var ackClock = await().atMost(Duration.ofSeconds(30))
			.until(() -> township.sla.getCaseSla(caseId)
				.getClocks()
				.stream()
				.filter(c -> c.getLevel() == ResponseLevel.DEPARTMENT && c.getPhase() == SlaPhase.ACCEPTANCE)
				.toList(), clocks -> clocks.size() == 1 && clocks.get(0).getStoppedAt() != null)
			.get(0);
		assertThat(ackClock.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(ackClock.getState()).as("a return (退单) is no on-time 报到").isEqualTo(ClockState.RETURNED);
		assertThat(ackClock.getHistory()).anySatisfy(e -> assertThat(e.getNote()).contains("退单"));
	}

}
