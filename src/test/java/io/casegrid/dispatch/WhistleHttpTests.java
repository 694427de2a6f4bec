package io.casegrid.dispatch;

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
import io.casegrid.HttpTest;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.SupervisionOrderView;
import io.casegrid.client.model.SupervisionReply;
import io.casegrid.client.model.SupervisionStatus;
import io.casegrid.client.model.Task;
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

	CasegridClient client;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void townshipWhistlesADepartmentThatGetsASupervisionOrderAndReplies() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");

		assertThat(CasegridClient.statusOf(() -> client.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))))
			.as("a grid may not whistle")
			.isEqualTo(409);
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		assertThat(CasegridClient.statusOf(() -> client.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.VILLAGE_DONGGUAN)).lead(DemoCounty.VILLAGE_DONGGUAN))))
			.as("only departments can be whistled")
			.isEqualTo(400);

		WhistleView whistle = client.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		assertThat(whistle.getWhistledBy()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		Task acknowledge = client.awaitTask(caseId, "Task_Acknowledge");
		assertThat(acknowledge.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(acknowledge.getOutcomes()).extracting(o -> o.getCode()).containsExactly("ACKNOWLEDGE", "RETURN");
		PendingTimer overdue = client.escalation.getCaseTimers(caseId)
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
			.until(() -> client.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems(),
					orders -> !orders.isEmpty())
			.get(0);
		assertThat(order.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(order.getStatus()).isEqualTo(SupervisionStatus.OPEN);
		assertThat(order.getCopiedTo()).contains("supervision-office", "discipline-commission");

		SupervisionOrderView replied = client.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("已安排执法队到场"));
		assertThat(replied.getStatus()).isEqualTo(SupervisionStatus.REPLIED);
		assertThat(replied.getRepliedBy()).isEqualTo("api-client");
		assertThat(CasegridClient.statusOf(() -> client.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("again"))))
			.isEqualTo(409);
		assertThat(client.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("ESCALATED", "WHISTLED", "SUPERVISION_ORDER_ISSUED", "SUPERVISION_REPLIED");
	}

}
