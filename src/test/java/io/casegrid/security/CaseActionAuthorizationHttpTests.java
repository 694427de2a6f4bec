package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
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
import io.casegrid.client.ApiException;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.EscalationView;
import io.casegrid.client.model.NewMediationSession;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ResponseLevel;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPause;
import io.casegrid.client.model.SupervisionOrderView;
import io.casegrid.client.model.SupervisionReply;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WhistleRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Every action on a case passes the rule of completing its task (worklist.CaseActions): who sees the case but may
 * not work the task the action belongs to gets 403 and nothing happens; who may not see the case gets 404; the
 * task's holder still acts. Before, escalate, whistle, pause and mediation sessions only checked that the caller
 * saw the case (and a supervision reply only the caller's unit, answering 404 where the caller saw the case).
 */
@HttpTest
class CaseActionAuthorizationHttpTests {

	private static final String GRID_DONGGUAN_2 = "149901001001002";

	/** 县住房和城乡建设局. */
	private static final String DEPARTMENT_HOUSING = "149901-ZJ";

	/** The officer of 县水务局, never whistled here. */
	private static final String OFFICER_WATER = "officer-sw";

	/** Candidate group of the county level of the three-level response. */
	private static final String COUNTY_CENTRE = "county-centre";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	CasegridClient gridWorker;

	CasegridClient township;

	CasegridClient centre;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@BeforeEach
	void connect() {
		gridWorker = as(DemoUsers.GRID_WORKER_DONGGUAN_1);
		township = as(DemoUsers.DISPATCHER_CHENGGUAN);
		centre = as(DemoUsers.CENTRE);
	}

	@Test
	void gridWorkerCannotEscalateATaskTheTownshipDispatcherHasClaimed() throws Exception {
		UUID caseId = atTheTownship();
		Task townshipTask = township.awaitTask(caseId, "Task_HandleAtLevel");
		township.tasks.claimTask(townshipTask.getId());

		ApiException refused = CasegridClient.failureOf(
				() -> gridWorker.escalation.escalateCase(caseId, new EscalationRequest().reason("越级上报")));

		assertForbiddenProblem(refused);
		assertThat(levelsOf(caseId)).as("the case stays with the township")
			.containsExactly(ResponseLevel.GRID, ResponseLevel.TOWNSHIP);
		EscalationView byHolder = township.escalation.escalateCase(caseId, new EscalationRequest().reason("需县级协调"));
		assertThat(byHolder.getToLevel()).as("the holder still escalates").isEqualTo(ResponseLevel.COUNTY);
	}

	@Test
	void gridLeadCannotEscalateAnotherGridsCase() throws Exception {
		CasegridClient secondGrid = as(DemoUsers.GRID_WORKER_DONGGUAN_2);
		var report = CasegridClient.flyingWireReport();
		report.getLocation().unitCode(GRID_DONGGUAN_2);
		UUID caseId = secondGrid.intake.reportCase(report, null).getId();
		secondGrid.awaitTask(caseId, "Task_HandleAtLevel");
		CasegridClient gridLead = as(DemoUsers.GRID_LEAD_DONGGUAN);
		assertThat(gridLead.cases.getCase(caseId).getId()).as("the grid lead sees the village's cases").isEqualTo(caseId);

		assertForbiddenProblem(CasegridClient.failureOf(
				() -> gridLead.escalation.escalateCase(caseId, new EscalationRequest().reason("替第二网格上报"))));
		assertThat(CasegridClient.statusOf(
				() -> as(DemoUsers.GRID_WORKER_HEXI_1).escalation.escalateCase(caseId, new EscalationRequest().reason("x"))))
			.as("who does not see the case gets 404")
			.isEqualTo(404);

		assertThat(levelsOf(caseId)).containsExactly(ResponseLevel.GRID);
		assertThat(secondGrid.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道协调")).getActor())
			.isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_2);
	}

	@Test
	void townshipDispatcherCannotWhistleOnTheCountysClaimedTask() throws Exception {
		UUID caseId = claimedByTheCounty();
		WhistleRequest urbanManagement = new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
			.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);

		assertForbiddenProblem(CasegridClient.failureOf(() -> township.whistle.whistleDepartments(caseId, urbanManagement)));
		assertThat(centre.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType()).doesNotContain("WHISTLED");

		assertThat(centre.whistle.whistleDepartments(caseId, urbanManagement).getWhistledBy())
			.as("the county, holding the task, whistles")
			.isEqualTo(COUNTY_CENTRE);
	}

	@Test
	void townshipDispatcherCannotPauseOrResumeTheClocksOfACaseTheCountyHolds() throws Exception {
		UUID caseId = claimedByTheCounty();

		assertForbiddenProblem(CasegridClient.failureOf(
				() -> township.sla.pauseCaseSla(caseId, new SlaPause().reason("等待诉求人补充材料"))));
		assertThat(centre.sla.getCaseSla(caseId).getClocks()).extracting(SlaClockView::getState)
			.doesNotContain(ClockState.PAUSED);

		assertThat(centre.sla.pauseCaseSla(caseId, new SlaPause().reason("等待诉求人补充材料")).getClocks())
			.extracting(SlaClockView::getState)
			.contains(ClockState.PAUSED);
		assertForbiddenProblem(CasegridClient.failureOf(() -> township.sla.resumeCaseSla(caseId)));
		assertThat(centre.sla.resumeCaseSla(caseId).getClocks()).extracting(SlaClockView::getState)
			.doesNotContain(ClockState.PAUSED);
	}

	@Test
	void onlyHandlersOfTheOpenMediationLevelRecordSessions() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：噪音")
			.description("楼上住户夜间装修，双方多次争吵。"), null).getId();
		CasegridClient committee = as(DemoUsers.MEDIATOR_DONGGUAN);
		Task accept = committee.awaitTask(caseId, "Task_AcceptDispute");
		committee.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "王某\n李某")
			.putFieldsItem("disputeSummary", "夜间装修噪音"));
		committee.awaitTask(caseId, "Task_VillageMediation");
		NewMediationSession session = new NewMediationSession().heldAt(OffsetDateTime.now().minusHours(1))
			.participants("王某、李某")
			.summary("双方陈述");

		assertForbiddenProblem(CasegridClient.failureOf(() -> township.mediation.recordMediationSession(caseId, session)));
		assertForbiddenProblem(CasegridClient.failureOf(
				() -> as(DemoUsers.MEDIATION_ROOM_CHENGGUAN).mediation.recordMediationSession(caseId, session)));
		assertThat(CasegridClient.statusOf(() -> as(DemoUsers.MEDIATOR_HEXI).mediation.recordMediationSession(caseId, session)))
			.as("another village's committee does not see the dispute")
			.isEqualTo(404);
		assertThat(committee.mediation.getMediation(caseId).getSessions()).as("nothing was recorded").isEmpty();

		assertThat(committee.mediation.recordMediationSession(caseId, session).getRecordedBy())
			.as("the village committee, handling the open level, records")
			.isEqualTo(DemoUsers.MEDIATOR_DONGGUAN);
	}

	@Test
	void aWhistledDepartmentCannotReplyToAnotherDepartmentsSupervisionOrder() throws Exception {
		UUID caseId = atTheTownship();
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, DEPARTMENT_HOUSING))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		CasegridClient urbanManagement = as(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		CasegridClient housing = as(DemoUsers.OFFICER_HOUSING);
		urbanManagement.awaitTask(caseId, "Task_Acknowledge");
		missAcknowledgementLimits(caseId);
		SupervisionOrderView order = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> urbanManagement.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems(),
					orders -> !orders.isEmpty())
			.get(0);
		assertThat(order.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(housing.cases.getCase(caseId).getId()).as("whistled in too, housing sees the case").isEqualTo(caseId);

		assertForbiddenProblem(CasegridClient.failureOf(() -> housing.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("替城管局回复"))));
		assertThat(CasegridClient.statusOf(() -> as(OFFICER_WATER).supervision
			.replyToSupervisionOrder(order.getId(), new SupervisionReply().reply("x"))))
			.as("a department not whistled in does not see the case nor its orders")
			.isEqualTo(404);

		SupervisionOrderView replied = urbanManagement.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("已安排执法队到场"));
		assertThat(replied.getRepliedBy()).isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
	}

	/** Moves the engine clock past the departments' acknowledgement limits and fires their supervision timers. */
	private void missAcknowledgementLimits(UUID caseId) throws Exception {
		List<PendingTimer> overdue = centre.escalation.getCaseTimers(caseId)
			.stream()
			.filter(t -> t.getAction().equals("SUPERVISION_ORDER"))
			.toList();
		assertThat(overdue).isNotEmpty();
		for (PendingTimer timer : overdue) {
			ClockUtil.setCurrentTime(Date.from(timer.getDueAt().toInstant().plusSeconds(1)));
			// the job executor may take it first, or fire the other department's timer on the same clock meanwhile
			for (int attempt = 0; attempt < 5 && management.createJobQuery().jobId(timer.getJobId()).count() > 0;
					attempt++) {
				try {
					management.executeJob(timer.getJobId());
				}
				catch (ProcessEngineException | OptimisticLockingFailureException ex) {
					Thread.sleep(200);
				}
			}
		}
	}

	/** A flying-wire case the grid worker took up to the township (上报). */
	private UUID atTheTownship() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		gridWorker.escalation.escalateCase(caseId, new EscalationRequest().reason("涉及多户，需街道协调"));
		return caseId;
	}

	/** A case taken up to the county, whose 分级办理 task the county centre has claimed. */
	private UUID claimedByTheCounty() throws Exception {
		UUID caseId = atTheTownship();
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.escalation.escalateCase(caseId, new EscalationRequest().reason("需县级协调"));
		Task countyTask = await(centre, caseId, COUNTY_CENTRE);
		centre.tasks.claimTask(countyTask.getId());
		return caseId;
	}

	private static Task await(CasegridClient client, UUID caseId, String candidateGroup) {
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> client.tasks.listTasks(caseId, candidateGroup, null, null, 0, 10).getItems(),
					tasks -> tasks.size() == 1)
			.get(0);
	}

	private List<ResponseLevel> levelsOf(UUID caseId) throws Exception {
		return centre.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> c.getPhase() == io.casegrid.client.model.SlaPhase.HANDLING)
			.map(SlaClockView::getLevel)
			.toList();
	}

	private static void assertForbiddenProblem(ApiException refused) {
		assertThat(refused.getCode()).isEqualTo(403);
		assertThat(refused.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(refused.getResponseBody()).contains("urn:casegrid:problem:forbidden");
	}

	private CasegridClient as(String user) {
		return new CasegridClient(port, user);
	}

}
