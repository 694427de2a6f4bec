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
import io.casegrid.client.ApiException;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.DepartmentWithdrawalRequest;
import io.casegrid.client.model.DepartmentWithdrawalView;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.NewWhistleApplication;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ResponseLevel;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.SupervisionCountyMeasure;
import io.casegrid.client.model.SupervisionOrderView;
import io.casegrid.client.model.SupervisionReply;
import io.casegrid.client.model.SupervisionReview;
import io.casegrid.client.model.SupervisionStatus;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WhistleApplication;
import io.casegrid.client.model.WhistleApplicationDecline;
import io.casegrid.client.model.WhistleApplicationStatus;
import io.casegrid.client.model.WhistleJudgement;
import io.casegrid.client.model.WhistleJudgementRequest;
import io.casegrid.client.model.WhistleRecordView;
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

	@Autowired
	WhistleRecords whistles;

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
	void townshipWhistlesADepartmentThatGetsASupervisionOrderInItsWorklistRepliesAndTheTownshipAcceptsTheReply()
			throws Exception {
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

		fire(overdue);
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
		Task replyTask = department.awaitTask(caseId, "Task_ReplyToOrder");
		assertThat(replyTask.getCandidateGroups()).as("the order is in the department's worklist")
			.containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(replyTask.getDue()).isAtSameInstantAs(order.getReplyDueAt());
		SupervisionOrderView replied = department.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("已安排执法队到场"));
		assertThat(replied.getStatus()).isEqualTo(SupervisionStatus.REPLIED);
		assertThat(replied.getRepliedBy()).isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		assertThat(CasegridClient.statusOf(() -> department.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("again"))))
			.isEqualTo(409);

		Task review = township.awaitTask(caseId, "Task_ReviewReply");
		assertThat(review.getOutcomes()).extracting(o -> o.getCode()).containsExactly("ACCEPT", "SEND_BACK");
		township.tasks.completeTask(review.getId(),
				new TaskCompletion().outcome("ACCEPT").putFieldsItem("reviewNote", "整改到位"));
		assertThat(department.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems().get(0).getStatus())
			.isEqualTo(SupervisionStatus.ACCEPTED);
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("ESCALATED", "WHISTLED", "SUPERVISION_ORDER_ISSUED", "SUPERVISION_ORDER_COPIED",
					"SUPERVISION_REPLIED", "SUPERVISION_ACCEPTED");
	}

	@Test
	void aSupervisionOrderNamesItsDepartmentIssuerReplierAndReviewerAndShowsTheLatestReviewsDecision()
			throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		SupervisionOrderView order = orderForAMissedAcknowledgement(caseId);
		assertThat(order.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(order.getDepartmentName()).isEqualTo("县城市管理局");
		assertThat(order.getIssuer()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(order.getIssuerName()).isEqualTo("城关街道");
		assertThat(order.getReview()).as("nothing reviewed yet").isNull();

		SupervisionOrderView replied = department.supervision.replyToSupervisionOrder(order.getId(),
				new SupervisionReply().reply("已安排执法队到场"));
		assertThat(replied.getRepliedBy()).isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		assertThat(replied.getRepliedByName()).isEqualTo("韩伟");
		township.tasks.completeTask(township.awaitTask(caseId, "Task_ReviewReply").getId(),
				new TaskCompletion().outcome("SEND_BACK").putFieldsItem("sendBackReason", "未附整改后照片"));
		SupervisionOrderView sentBack = onlyOrder(department, caseId);
		assertThat(sentBack.getStatus()).isEqualTo(SupervisionStatus.OPEN);
		assertThat(sentBack.getReview()).satisfies(review -> {
			assertThat(review.getDecision()).isEqualTo(SupervisionReview.DecisionEnum.SENT_BACK);
			assertThat(review.getNote()).isEqualTo("未附整改后照片");
			assertThat(review.getReviewedBy()).isEqualTo(DemoUsers.DISPATCHER_CHENGGUAN);
			assertThat(review.getReviewedByName()).isEqualTo("卫东");
			assertThat(review.getReviewedAt()).isNotNull();
		});

		department.supervision.replyToSupervisionOrder(order.getId(), new SupervisionReply().reply("已补拍照片"));
		township.tasks.completeTask(township.awaitTask(caseId, "Task_ReviewReply").getId(),
				new TaskCompletion().outcome("ACCEPT").putFieldsItem("reviewNote", "整改到位"));
		SupervisionOrderView accepted = onlyOrder(department, caseId);
		assertThat(accepted.getStatus()).isEqualTo(SupervisionStatus.ACCEPTED);
		assertThat(accepted.getReview().getDecision()).isEqualTo(SupervisionReview.DecisionEnum.ACCEPTED);
		assertThat(accepted.getReview().getNote()).isEqualTo("整改到位");
		assertThat(accepted.getReview().getReviewedByName()).isEqualTo("卫东");
		assertThat(accepted.getCountyMeasure()).as("a replied order never reaches the county").isNull();
	}

	@Test
	void aMissedSupervisionOrderShowsTheCountyCentresMeasureAndNamesWhoTookIt() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		SupervisionOrderView order = orderForAMissedAcknowledgement(caseId);
		fire(timer(caseId, "SUPERVISION_MISSED"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> theOrder(department, caseId, order).getStatus(), SupervisionStatus.MISSED::equals);
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);

		centre.tasks.completeTask(centre.awaitTask(caseId, "Task_CountySupervision").getId(),
				new TaskCompletion().outcome("INTERVIEW").putFieldsItem("countyNote", "已约谈局长，限三日整改"));

		SupervisionCountyMeasure measure = theOrder(department, caseId, order).getCountyMeasure();
		assertThat(measure.getMeasure()).isEqualTo(SupervisionCountyMeasure.MeasureEnum.INTERVIEW);
		assertThat(measure.getNote()).isEqualTo("已约谈局长，限三日整改");
		assertThat(measure.getActedBy()).isEqualTo(DemoUsers.CENTRE);
		assertThat(measure.getActedByName()).isEqualTo("沈红");
		assertThat(measure.getActedAt()).isNotNull();
	}

	@Test
	void aWhistleApplicationNamesItsApplicantTheApplicantsUnitAndWhoDecidedBesideTheIds() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");

		WhistleApplication applied = client.whistleApplications.applyForWhistle(caseId,
				new NewWhistleApplication().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
					.reason("飞线涉及违章搭建，需城管执法"));
		assertThat(applied.getAppliedByName()).isEqualTo("王芳");
		assertThat(applied.getAppliedByUnit()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(applied.getAppliedByUnitName()).isEqualTo("东关社区第一网格");
		WhistleApplication declined = township.whistleApplications.declineWhistleApplication(applied.getId(),
				new WhistleApplicationDecline().reason("网格员可当场处置，无需部门"));

		assertThat(declined.getDecidedBy()).isEqualTo(DemoUsers.DISPATCHER_CHENGGUAN);
		assertThat(declined.getDecidedByName()).isEqualTo("卫东");
	}

	/**
	 * Escalates the reported case to 城关街道, which whistles in 县城市管理局, and lets the department's acknowledgement
	 * limit pass: the order it then gets.
	 */
	private SupervisionOrderView orderForAMissedAcknowledgement(UUID caseId) throws Exception {
		client.awaitTask(caseId, "Task_HandleAtLevel");
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		department.awaitTask(caseId, "Task_Acknowledge");
		fire(timer(caseId, "SUPERVISION_ORDER"));
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> department.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems(),
					orders -> !orders.isEmpty())
			.get(0);
	}

	private static SupervisionOrderView onlyOrder(CasegridClient who, UUID caseId) throws Exception {
		List<SupervisionOrderView> orders = who.supervision.listSupervisionOrders(caseId, null, null, 0, 10).getItems();
		assertThat(orders).hasSize(1);
		return orders.get(0);
	}

	/**
	 * The order as the case lists it now. Moving the clock past the missed-reply limit may also pass the recurring
	 * acknowledgement limit, whose next order (再次) the job executor may issue meanwhile: the order is found by its id.
	 */
	private static SupervisionOrderView theOrder(CasegridClient who, UUID caseId, SupervisionOrderView order)
			throws Exception {
		return who.supervision.listSupervisionOrders(caseId, null, null, 0, 10)
			.getItems()
			.stream()
			.filter(o -> o.getId().equals(order.getId()))
			.findFirst()
			.orElseThrow();
	}

	/** The case's pending timer with this action, once it is there. */
	private PendingTimer timer(UUID caseId, String action) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> department.escalation.getCaseTimers(caseId)
				.stream()
				.filter(t -> t.getAction().equals(action))
				.findFirst(), java.util.Optional::isPresent)
			.get();
	}

	/** Runs a timer of the case as if its due time had come. */
	private void fire(PendingTimer timer) {
		ClockUtil.setCurrentTime(Date.from(timer.getDueAt().toInstant().plusSeconds(1)));
		try {
			management.executeJob(timer.getJobId());
		}
		catch (ProcessEngineException ex) {
			// the job executor took it first
		}
	}

	@Test
	void aDepartmentThatReturnsTheMatterShowsItsAcknowledgementClockAsReturnedNotMet() throws Exception {
		UUID caseId = whistledByTheTownship();
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

	@Test
	void theDepartmentNamedByJurisdictionSeesTheCaseItsAcknowledgementTaskAndItsWorklistEntry() throws Exception {
		UUID caseId = whistledByTheTownship();
		department.tasks.completeTask(department.awaitTask(caseId, "Task_Acknowledge").getId(),
				new TaskCompletion().outcome("RETURN").putFieldsItem("returnReason", "楼体破损属住建职责"));
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		CasegridClient housing = new CasegridClient(port, DemoUsers.OFFICER_HOUSING);
		assertThat(CasegridClient.statusOf(() -> housing.cases.getCase(caseId)))
			.as("before 确权 the housing department has nothing to do with the case")
			.isEqualTo(404);

		centre.tasks.completeTask(centre.awaitTask(caseId, "Task_ConfirmJurisdiction").getId(),
				new TaskCompletion().outcome("REDISPATCH")
					.putFieldsItem("newDepartmentCode", DemoCounty.DEPARTMENT_HOUSING)
					.putFieldsItem("jurisdictionNote", "经会商属住建局职责"));

		Task acknowledge = housing.awaitTask(caseId, "Task_Acknowledge");
		assertThat(acknowledge.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_HOUSING);
		assertThat(housing.tasks.getTask(acknowledge.getId()).getId()).isEqualTo(acknowledge.getId());
		assertThat(housing.cases.getCase(caseId).getId()).isEqualTo(caseId);
	}

	@Test
	void aGridWorkersWhistleApplicationAcceptedByTheTownshipIsKeptAsTheApplicantsRequestedWhistle() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		NewWhistleApplication urbanManagement = new NewWhistleApplication()
			.departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
			.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
			.reason("飞线涉及违章搭建，需城管执法");
		assertThat(CasegridClient.statusOf(() -> client.whistleApplications.applyForWhistle(caseId,
				new NewWhistleApplication().departments(List.of(DemoCounty.VILLAGE_DONGGUAN))
					.lead(DemoCounty.VILLAGE_DONGGUAN)
					.reason("x"))))
			.as("only departments can be asked for")
			.isEqualTo(400);

		WhistleApplication applied = client.whistleApplications.applyForWhistle(caseId, urbanManagement);
		assertThat(applied.getStatus()).isEqualTo(WhistleApplicationStatus.OPEN);
		assertThat(applied.getAppliedBy()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(applied.getAppliedByUnit()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(CasegridClient.statusOf(() -> township.whistleApplications.acceptWhistleApplication(applied.getId())))
			.as("while the grid holds the case, the township holds no task to whistle from")
			.isEqualTo(403);

		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		WhistleApplication accepted = township.whistleApplications.acceptWhistleApplication(applied.getId());

		assertThat(accepted.getStatus()).isEqualTo(WhistleApplicationStatus.ACCEPTED);
		assertThat(accepted.getDecidedBy()).isEqualTo(DemoUsers.DISPATCHER_CHENGGUAN);
		assertThat(department.awaitTask(caseId, "Task_Acknowledge").getCandidateGroups())
			.containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(whistles.ofCase(caseId)).singleElement().satisfies(w -> {
			assertThat(w.requested()).isTrue();
			assertThat(w.source()).isEqualTo(WhistleSource.REQUEST);
			assertThat(w.blownBy()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
			assertThat(w.blownByUnit()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		});
		assertThat(CasegridClient.statusOf(() -> township.whistleApplications.acceptWhistleApplication(applied.getId())))
			.as("decided once").isEqualTo(409);
	}

	@Test
	void aResidentsWhistleApplicationThroughTheAppIsDeclinedByTheTownshipWithItsReason() throws Exception {
		CasegridClient app = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
		UUID caseId = app.intake.reportCase(CasegridClient.flyingWireReport().channel(Channel.RESIDENT_APP), null)
			.getId();
		WhistleApplication applied = app.whistleApplications.applyForWhistle(caseId,
				new NewWhistleApplication().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
					.reason("楼下飞线很危险"));
		assertThat(applied.getAppliedBy()).isEqualTo(DemoUsers.THIRD_PARTY_APP);
		assertThat(CasegridClient.statusOf(() -> new CasegridClient(port, DemoUsers.DISPATCHER_HEXI).whistleApplications
			.declineWhistleApplication(applied.getId(), new WhistleApplicationDecline().reason("x"))))
			.as("another township does not see the case")
			.isEqualTo(404);

		WhistleApplication declined = township.whistleApplications.declineWhistleApplication(applied.getId(),
				new WhistleApplicationDecline().reason("网格员可当场处置，无需部门"));

		assertThat(declined.getStatus()).isEqualTo(WhistleApplicationStatus.DECLINED);
		assertThat(declined.getDeclineReason()).isEqualTo("网格员可当场处置，无需部门");
		assertThat(whistles.ofCase(caseId)).as("a declined request is no whistle").isEmpty();
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("WHISTLE_APPLIED", "WHISTLE_APPLICATION_DECLINED");
	}

	@Test
	void theTownshipJudgesAWhistleFrivolousOnceAndTheCaseListsItWithWhoBlewItAndTheJudgement() throws Exception {
		UUID caseId = whistledByTheTownship();
		WhistleRecordView listed = township.whistle.listCaseWhistles(caseId, 0, 20).getItems().get(0);
		assertThat(listed.getBlownBy()).isEqualTo(DemoUsers.DISPATCHER_CHENGGUAN);
		assertThat(listed.getBlownByName()).isEqualTo("卫东");
		assertThat(listed.getBlownByUnit()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(listed.getBlownByUnitName()).isEqualTo("城关街道");
		assertThat(listed.getJudgement()).as("not judged yet").isNull();
		WhistleJudgementRequest frivolous = new WhistleJudgementRequest().judgement(WhistleJudgement.FRIVOLOUS)
			.reason("飞线网格员可当场处置，无需部门");

		WhistleRecordView judged = township.whistle.judgeWhistle(listed.getId(), frivolous);

		assertThat(judged.getJudgement()).isEqualTo(WhistleJudgement.FRIVOLOUS);
		assertThat(judged.getJudgementReason()).isEqualTo("飞线网格员可当场处置，无需部门");
		assertThat(judged.getJudgedBy()).isEqualTo(DemoUsers.DISPATCHER_CHENGGUAN);
		assertThat(judged.getJudgedByName()).isEqualTo("卫东");
		assertThat(township.whistle.listCaseWhistles(caseId, 0, 20).getItems()).singleElement()
			.satisfies(w -> assertThat(w.getJudgement()).isEqualTo(WhistleJudgement.FRIVOLOUS));
		assertThat(whistles.ofCase(caseId).get(0).judgement()).isEqualTo(WhistleRecord.Judgement.FRIVOLOUS);
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("WHISTLED", "WHISTLE_JUDGED");
		assertThat(CasegridClient.statusOf(() -> township.whistle.judgeWhistle(listed.getId(),
				new WhistleJudgementRequest().judgement(WhistleJudgement.PROPER).reason("改判"))))
			.as("judged once")
			.isEqualTo(409);
	}

	@Test
	void theCountyCentreMayJudgeAWhistleButNeitherTheWhistledDepartmentNorAnotherTownship() throws Exception {
		UUID caseId = whistledByTheTownship();
		UUID whistleId = township.whistle.listCaseWhistles(caseId, 0, 20).getItems().get(0).getId();
		WhistleJudgementRequest proper = new WhistleJudgementRequest().judgement(WhistleJudgement.PROPER)
			.reason("违章搭建需城管执法");
		department.awaitTask(caseId, "Task_Acknowledge");
		CasegridClient hexi = new CasegridClient(port, DemoUsers.DISPATCHER_HEXI);

		assertThat(CasegridClient.statusOf(() -> hexi.whistle.judgeWhistle(whistleId, proper)))
			.as("another township does not see the case").isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> hexi.whistle.listCaseWhistles(caseId, 0, 20))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> department.whistle.judgeWhistle(whistleId, proper)))
			.as("the department sees the case but judges no whistle").isEqualTo(403);
		WhistleRecordView judged = new CasegridClient(port, DemoUsers.CENTRE).whistle.judgeWhistle(whistleId, proper);
		assertThat(judged.getJudgement()).isEqualTo(WhistleJudgement.PROPER);
		assertThat(judged.getJudgedBy()).isEqualTo(DemoUsers.CENTRE);
	}

	@Test
	void aJudgementWithoutAReasonIsRefusedNamingTheFieldAndAnUnknownWhistleIsNotFound() throws Exception {
		UUID caseId = whistledByTheTownship();
		UUID whistleId = township.whistle.listCaseWhistles(caseId, 0, 20).getItems().get(0).getId();

		ApiException refused = CasegridClient.failureOf(() -> township.whistle.judgeWhistle(whistleId,
				new WhistleJudgementRequest().judgement(WhistleJudgement.FRIVOLOUS).reason("")));

		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("\"field\":\"reason\"");
		assertThat(CasegridClient.statusOf(() -> township.whistle.judgeWhistle(UUID.randomUUID(),
				new WhistleJudgementRequest().judgement(WhistleJudgement.PROPER).reason("x"))))
			.isEqualTo(404);
		assertThat(whistles.ofCase(caseId).get(0).judgement()).as("nothing judged").isNull();
	}

	@Test
	void theTownshipWithdrawsADepartmentCalledInByMistakeButNeverTheLead() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId, new WhistleRequest()
			.departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, DemoCounty.DEPARTMENT_HOUSING))
			.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		CasegridClient housing = new CasegridClient(port, DemoUsers.OFFICER_HOUSING);
		housing.awaitTask(caseId, "Task_Acknowledge");
		DepartmentWithdrawalRequest withdrawHousing = new DepartmentWithdrawalRequest()
			.departmentCode(DemoCounty.DEPARTMENT_HOUSING)
			.reason("飞线不涉及房屋安全，误召集");

		assertThat(CasegridClient.statusOf(() -> new CasegridClient(port, DemoUsers.DISPATCHER_HEXI).whistle
			.withdrawDepartment(caseId, withdrawHousing))).as("another township does not see the case").isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> township.whistle.withdrawDepartment(caseId,
				new DepartmentWithdrawalRequest().departmentCode(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT).reason("x"))))
			.as("the lead is never withdrawn").isEqualTo(409);
		ApiException refused = CasegridClient.failureOf(() -> township.whistle.withdrawDepartment(caseId,
				new DepartmentWithdrawalRequest().departmentCode("").reason("x")));
		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("\"field\":\"departmentCode\"");

		DepartmentWithdrawalView withdrawn = township.whistle.withdrawDepartment(caseId, withdrawHousing);

		assertThat(withdrawn.getDepartments()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(withdrawn.getLead()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(housing.tasks.listTasks(caseId, null, null, null, 0, 200).getItems())
			.as("housing's 报到 is gone from its worklist")
			.isEmpty();
		var housingClock = township.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> DemoCounty.DEPARTMENT_HOUSING.equals(c.getDepartmentCode()))
			.findFirst()
			.orElseThrow();
		assertThat(housingClock.getState()).isEqualTo(ClockState.ESCALATED);
		assertThat(housingClock.getHistory()).anySatisfy(e -> assertThat(e.getNote()).contains("撤回"));
		assertThat(township.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.containsSubsequence("WHISTLED", "DEPARTMENT_WITHDRAWN");
		assertThat(department.awaitTask(caseId, "Task_Acknowledge").getCandidateGroups())
			.as("the lead works on").containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(CasegridClient.statusOf(() -> township.whistle.withdrawDepartment(caseId, withdrawHousing)))
			.as("withdrawn once").isEqualTo(409);
	}

	private UUID whistledByTheTownship() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		client.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId,
				new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		return caseId;
	}

}
