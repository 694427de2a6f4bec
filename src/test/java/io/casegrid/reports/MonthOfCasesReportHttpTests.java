package io.casegrid.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.AssessmentDeduction;
import io.casegrid.client.model.AssessmentRanking;
import io.casegrid.client.model.RankedAssessment;
import io.casegrid.client.model.SupervisionOrderView;
import io.casegrid.client.model.SupervisionReply;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.DeductedCase;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ReportFigure;
import io.casegrid.client.model.ReportTableRow;
import io.casegrid.client.model.Reporter;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.UnitAssessment;
import io.casegrid.client.model.UnitReport;
import io.casegrid.client.model.WhistleJudgement;
import io.casegrid.client.model.WhistleJudgementRequest;
import io.casegrid.client.model.WhistleRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The acceptance test: a month of 62 cases of every kind the monthly report counts, built through the API in a
 * month no other test uses (July 2025, the engine's clock moved there), all in 东关社区第一网格 of 城关街道. The month is
 * arranged once ({@link #arrangeTheMonth}); each test method reads one part of the report back through the API and
 * compares it with the arithmetic written beside it.
 *
 * <p>The month, case by case (all reported on Tuesday 8 July 2025 at 09:00; office hours 08:30–12:00, 14:00–17:30):
 * <ul>
 * <li>53 网格上报 (GRID_REPORT) by the grid worker: 50 flying wires — 24 满意, 6 基本满意, 3 不满意 then 重办 and 满意,
 * 6 never evaluated (默认满意), 4 handed up by hand and 满意, 4 past the grid's 2 working hours (late) and 满意, 3 whistled
 * to 城管 (one 乱吹哨; two 退单: one kept with 城管 = 推诿, one redispatched to 住建; each department's 办理 goes past its
 * limit and gets a 督办单: 城管 replies to one, the other two are missed) — and 3 reports rejected as invalid;
 * <li>2 flying wires reported through 12345 (HOTLINE_12345) by 刘奶奶, a resident living alone (独居老人 in the
 * residents' register: vulnerable), resolved at the grid in 40 minutes, 满意;
 * <li>7 neighbour disputes reported on a visit (VISIT), each ending at a different place: 2 settled by the village
 * committee with 司法确认 applied for, 1 settled by the brand room 孙继红调解工作室 (no 司法确认), 1 settled by the 三长会商
 * with 司法确认 applied for, 1 settled by the county centre the next day (no 司法确认), 1 the county centre could not
 * settle the next day (referred to 仲裁), 1 declined at acceptance (referred to 诉讼); every dispute ends with a 满意 回访.
 * </ul>
 * The months lie after every other test's moved clock (UnitReportHttpTests: June 2025), so no other test's timer fires
 * in this month; the whistled cases' processes are suspended before the clock moves on, so none of theirs fires in
 * another test's month.
 */
@HttpTest
@TestInstance(Lifecycle.PER_CLASS)
class MonthOfCasesReportHttpTests {

	/** Tuesday 8 July 2025, 09:00 in the county (a working day; office hours 08:30–12:00, 14:00–17:30). */
	private static final Instant T0 = Instant.parse("2025-07-08T01:00:00Z");

	/** Wednesday 9 July 2025, 09:30: the county centre concludes its two disputes. */
	private static final Instant NEXT_DAY = Instant.parse("2025-07-09T01:30:00Z");

	private static final String MONTH = "2025-07";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	MonthlyReports monthlyReports;

	@Autowired
	RuntimeService runtime;

	CasegridClient grid;

	CasegridClient gridLead;

	CasegridClient township;

	CasegridClient centre;

	CasegridClient urban;

	CasegridClient committee;

	List<UUID> satisfied;

	List<UUID> basically;

	List<UUID> redone;

	List<UUID> defaulted;

	List<UUID> escalated;

	List<UUID> late;

	List<UUID> vulnerable;

	UUID frivolous;

	UUID kept;

	UUID redispatched;

	List<UUID> whistled;

	/** Settled by the village committee, 司法确认 applied for. */
	List<UUID> villageSettled;

	UUID brandRoomSettled;

	UUID threeHeadsSettled;

	UUID countySettled;

	UUID countyFailed;

	UUID declined;

	/** How long arranging the month took (printed, for the report of the test's cost). */
	Duration arranging;

	@BeforeAll
	void arrangeTheMonth() throws Exception {
		long started = System.nanoTime();
		grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
		urban = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		committee = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		try {
			arrangeTheFlyingWiresAndDisputes();
		}
		finally {
			ClockUtil.reset();
		}
		arranging = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("MonthOfCasesReportHttpTests: the month of 62 cases arranged in " + arranging);
	}

	@AfterAll
	void resetClock() {
		ClockUtil.reset();
	}

	private void arrangeTheFlyingWiresAndDisputes() throws Exception {
		at(T0);
		// 09:00 — every case reported at once
		satisfied = report(24);
		basically = report(6);
		redone = report(3);
		defaulted = report(6);
		escalated = report(4);
		late = report(4);
		frivolous = report(1).get(0);
		kept = report(1).get(0);
		redispatched = report(1).get(0);
		whistled = List.of(frivolous, kept, redispatched);
		for (int i = 0; i < 3; i++) {
			UUID id = grid.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString()).getId();
			township.tasks.completeTask(township.awaitTask(id, "Task_Dispatch").getId(),
					new TaskCompletion().outcome("REJECT").putFieldsItem("rejectReason", "重复上报"));
		}
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		vulnerable = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			vulnerable.add(hotline.intake.reportCase(CasegridClient.flyingWireReport()
				.channel(Channel.HOTLINE_12345)
				.channelReference("12345-2025-07-" + UUID.randomUUID())
				.reporter(new Reporter().name("刘奶奶").phone("13900000001")), null).getId());
		}
		List<UUID> disputes = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			disputes.add(grid.intake.reportCase(CasegridClient.flyingWireReport()
				.channel(Channel.VISIT)
				.categoryCode("NEIGHBOUR_DISPUTE")
				.title("邻里纠纷：雨棚挡光")
				.description("王某在5号楼前搭建雨棚，挡住李某家采光。"), UUID.randomUUID().toString()).getId());
		}
		villageSettled = disputes.subList(0, 2);
		brandRoomSettled = disputes.get(2);
		threeHeadsSettled = disputes.get(3);
		countySettled = disputes.get(4);
		countyFailed = disputes.get(5);
		declined = disputes.get(6);

		// 09:10 — the grid signs for every flying wire it handles (签收 within its 30 minutes); 7 go up by hand; the
		// committee accepts six disputes and declines one (产权: 诉讼)
		at(T0.plus(Duration.ofMinutes(10)));
		for (UUID id : concat(satisfied, basically, redone, defaulted, escalated, late, whistled, vulnerable)) {
			grid.tasks.claimTask(grid.awaitTask(id, "Task_HandleAtLevel").getId());
		}
		for (UUID id : concat(escalated, whistled)) {
			grid.escalation.escalateCase(id, new EscalationRequest().reason("需街道协调"));
		}
		for (UUID id : disputes.subList(0, 6)) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_AcceptDispute").getId(),
					new TaskCompletion().outcome("ACCEPT").putFieldsItem("parties", "王某；李某")
						.putFieldsItem("disputeSummary", "雨棚挡光"));
		}
		committee.tasks.completeTask(committee.awaitTask(declined, "Task_AcceptDispute").getId(),
				new TaskCompletion().outcome("DECLINE").putFieldsItem("referralReason", "涉及房屋产权确认")
					.putFieldsItem("referralChannel", "LITIGATION"));

		// 09:20 — the township signs for the 7 and whistles 城管 in on three: one judged 乱吹哨; 城管 returns two (退单),
		// the centre keeps one with 城管 (确权 KEEP: 推诿) and gives the other to 住建 (REDISPATCH); each department
		// signs for (报到) its case at once
		at(T0.plus(Duration.ofMinutes(20)));
		for (UUID id : concat(escalated, whistled)) {
			township.tasks.claimTask(township.awaitTask(id, "Task_HandleAtLevel").getId());
		}
		for (UUID id : whistled) {
			township.whistle.whistleDepartments(id,
					new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
						.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		}
		township.whistle.judgeWhistle(township.whistle.listCaseWhistles(frivolous, 0, 20).getItems().get(0).getId(),
				new WhistleJudgementRequest().judgement(WhistleJudgement.FRIVOLOUS).reason("网格员可当场处置"));
		for (UUID id : List.of(kept, redispatched)) {
			urban.tasks.completeTask(urban.awaitTask(id, "Task_Acknowledge").getId(),
					new TaskCompletion().outcome("RETURN").putFieldsItem("returnReason", "不属城管职责"));
		}
		centre.tasks.completeTask(centre.awaitTask(kept, "Task_ConfirmJurisdiction").getId(),
				new TaskCompletion().outcome("KEEP").putFieldsItem("jurisdictionNote", "飞线充电属城管职责"));
		centre.tasks.completeTask(centre.awaitTask(redispatched, "Task_ConfirmJurisdiction").getId(),
				new TaskCompletion().outcome("REDISPATCH")
					.putFieldsItem("newDepartmentCode", DemoCounty.DEPARTMENT_HOUSING)
					.putFieldsItem("jurisdictionNote", "楼体线路属住建职责"));
		CasegridClient housing = new CasegridClient(port, DemoUsers.OFFICER_HOUSING);
		acknowledge(housing, redispatched);
		acknowledge(urban, kept);
		acknowledge(urban, frivolous);

		// 09:40 — the two vulnerable residents' flying wires resolved at the grid (40 minutes), 满意
		at(T0.plus(Duration.ofMinutes(40)));
		for (UUID id : vulnerable) {
			resolve(grid, id);
			evaluate(id, EvaluationScore.SATISFIED);
		}

		// 10:00 — resolved in one working hour, at the grid or the township; evaluated
		at(T0.plus(Duration.ofHours(1)));
		for (UUID id : concat(satisfied, basically, redone, defaulted)) {
			resolve(grid, id);
		}
		for (UUID id : escalated) {
			resolve(township, id);
		}
		for (UUID id : concat(satisfied, escalated)) {
			evaluate(id, EvaluationScore.SATISFIED);
		}
		for (UUID id : basically) {
			evaluate(id, EvaluationScore.BASICALLY_SATISFIED);
		}
		for (UUID id : redone) {
			// 不满意 → 重办 once: signed for, resolved again, then 满意
			evaluate(id, EvaluationScore.DISSATISFIED);
			grid.tasks.claimTask(grid.awaitTask(id, "Task_HandleAtLevel").getId());
			resolve(grid, id);
			evaluate(id, EvaluationScore.SATISFIED);
		}
		for (UUID id : defaulted) {
			// nobody evaluates: the 评价期满 timer runs (now, in the month) and records 默认满意
			gridLead.awaitTask(id, "Task_ReturnVisit");
			runJob(id, "BoundaryEvent_EvaluationOverdue");
		}

		// 10:30 — the disputes are worked through the tiers: settled at the village (2), by the brand room that
		// stepped in (1), by the 三长会商 after the brand room could not (1); two more reach the county centre
		at(T0.plus(Duration.ofMinutes(90)));
		mediateDisputesUpToTheCounty();

		// 11:00:01 — the late cases' two working hours of 办结 at the grid are over: the case goes up to the township
		Instant gridDue = handlingClock(late.get(0), "GRID").getDueAt().toInstant();
		assertThat(gridDue).isEqualTo(T0.plus(Duration.ofHours(2)));
		at(gridDue.plusSeconds(1));
		for (UUID id : late) {
			fireDueTimers(id);
		}
		// 11:10 signed for by the township, 11:20 resolved (2 h 20 min working after the report), 满意
		at(T0.plus(Duration.ofMinutes(130)));
		for (UUID id : late) {
			township.tasks.claimTask(await().atMost(Duration.ofSeconds(30))
				.until(() -> township.awaitTask(id, "Task_HandleAtLevel"),
						t -> t.getCandidateGroups().contains(DemoCounty.TOWNSHIP_CHENGGUAN))
				.getId());
		}
		at(T0.plus(Duration.ofMinutes(140)));
		for (UUID id : late) {
			resolve(township, id);
			evaluate(id, EvaluationScore.SATISFIED);
		}

		// 11:25 — the departments' two working hours of 办理 (from 09:20) are over on the three whistled cases: each
		// clock goes past its limit and a 督办单 is issued to its department (reply within one day); 城管 replies to
		// the one on the 乱吹哨 case at once
		at(T0.plus(Duration.ofMinutes(145)));
		for (UUID id : whistled) {
			fireDueTimers(id);
		}
		List<SupervisionOrderView> orders = new ArrayList<>();
		for (UUID id : whistled) {
			orders.add(await().atMost(Duration.ofSeconds(30))
				.until(() -> centre.supervision.listSupervisionOrders(id, null, null, 0, 10).getItems(),
						o -> o.size() == 1)
				.get(0));
		}
		assertThat(orders).extracting(SupervisionOrderView::getDepartmentCode)
			.containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT,
					DemoCounty.DEPARTMENT_HOUSING);
		urban.supervision.replyToSupervisionOrder(orders.get(0).getId(), new SupervisionReply().reply("已安排执法队到场"));
		for (UUID id : concat(satisfied, basically, redone, defaulted, escalated, late, vulnerable)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
		}

		// the whistled cases stay with their departments: their own processes are suspended so that no timer of
		// theirs fires as the clock moves on (nor once it is back to today, in the month other tests count); only
		// the two unanswered 督办单 run on
		for (UUID id : whistled) {
			suspendProcessesOf(id, true);
		}

		// Wednesday 9 July, 09:30 — the county centre settles one dispute and cannot settle the other (仲裁)
		at(NEXT_DAY);
		concludeAtTheCounty();

		// 11:25:01 — a day after issue, 城管's order on the kept case and 住建's are still unanswered: missed
		at(orders.get(1).getReplyDueAt().toInstant().plusSeconds(1));
		for (UUID id : List.of(kept, redispatched)) {
			fireDueTimers(id);
		}
		for (SupervisionOrderView order : orders.subList(1, 3)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> centre.supervision.listSupervisionOrders(order.getCaseId(), null, null, 0, 10)
					.getItems()
					.get(0)
					.getMissedAt() != null);
		}
		for (UUID id : whistled) {
			suspendProcessesOf(id, false);
		}
	}

	/** 10:30: the seven disputes as far as the village, the brand room and the 三长会商 take them. */
	private void mediateDisputesUpToTheCounty() throws Exception {
		CasegridClient room = new CasegridClient(port, DemoUsers.MEDIATION_ROOM_CHENGGUAN);
		for (UUID id : villageSettled) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_VillageMediation").getId(),
					new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某拆除雨棚"));
			signAgreement(committee, id, true);
		}
		// the brand room steps in (及时介入) on four: it settles one and cannot settle three, which go to the 三长会商
		for (UUID id : List.of(brandRoomSettled, threeHeadsSettled, countySettled, countyFailed)) {
			room.tasks.completeTask(room.awaitTask(id, "Task_BrandRoomStepIn").getId(),
					new TaskCompletion().outcome("TAKE_OVER").putFieldsItem("takeOverReason", "邻里矛盾积怨较深"));
		}
		room.tasks.completeTask(room.awaitTask(brandRoomSettled, "Task_BrandRoomMediation").getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某改建为透光雨棚"));
		signAgreement(room, brandRoomSettled, false);
		CasegridClient police = new CasegridClient(port, DemoUsers.POLICE_CHIEF_CHENGGUAN);
		CasegridClient court = new CasegridClient(port, DemoUsers.COURT_CHIEF_CHENGGUAN);
		CasegridClient judicial = new CasegridClient(port, DemoUsers.JUDICIAL_CHIEF_CHENGGUAN);
		for (UUID id : List.of(threeHeadsSettled, countySettled, countyFailed)) {
			room.tasks.completeTask(room.awaitTask(id, "Task_BrandRoomMediation").getId(),
					new TaskCompletion().outcome("NOT_SETTLED").putFieldsItem("notSettledReason", "双方分歧较大"));
			police.tasks.completeTask(police.awaitTask(id, "Task_PoliceOpinion").getId(),
					new TaskCompletion().outcome("SUBMIT").putFieldsItem("policeOpinion", "无治安违法"));
			court.tasks.completeTask(court.awaitTask(id, "Task_CourtOpinion").getId(),
					new TaskCompletion().outcome("SUBMIT").putFieldsItem("courtOpinion", "宜调解，可司法确认"));
			judicial.tasks.completeTask(judicial.awaitTask(id, "Task_JudicialOpinion").getId(),
					new TaskCompletion().outcome("SUBMIT").putFieldsItem("judicialOpinion", "建议改建雨棚"));
		}
		township.tasks.completeTask(township.awaitTask(threeHeadsSettled, "Task_JointConsultation").getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("jointDecision", "王某改建雨棚，李某给予补偿"));
		signAgreement(township, threeHeadsSettled, true);
		for (UUID id : List.of(countySettled, countyFailed)) {
			township.tasks.completeTask(township.awaitTask(id, "Task_JointConsultation").getId(),
					new TaskCompletion().outcome("NOT_SETTLED").putFieldsItem("jointDecision", "无法达成一致"));
			centre.awaitTask(id, "Task_CountyMediation");
		}
		committee.tasks.completeTask(committee.awaitTask(declined, "Task_MediationFollowUp").getId(),
				new TaskCompletion().outcome("REFERRAL_FOLLOWED").putFieldsItem("followUpNote", "当事人已起诉"));
		for (UUID id : concat(villageSettled, List.of(brandRoomSettled, threeHeadsSettled))) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_MediationFollowUp").getId(),
					new TaskCompletion().outcome("PERFORMED").putFieldsItem("followUpNote", "已履行"));
		}
		for (UUID id : concat(villageSettled, List.of(brandRoomSettled, threeHeadsSettled, declined))) {
			closeWithAVisit(id);
		}
	}

	/** Next day: the county centre settles one dispute and refers the other to 仲裁. */
	private void concludeAtTheCounty() throws Exception {
		centre.tasks.completeTask(centre.awaitTask(countySettled, "Task_CountyMediation").getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "分期拆除"));
		signAgreement(centre, countySettled, false);
		committee.tasks.completeTask(committee.awaitTask(countySettled, "Task_MediationFollowUp").getId(),
				new TaskCompletion().outcome("PERFORMED").putFieldsItem("followUpNote", "已履行"));
		centre.tasks.completeTask(centre.awaitTask(countyFailed, "Task_CountyMediation").getId(),
				new TaskCompletion().outcome("NOT_SETTLED").putFieldsItem("notSettledReason", "涉及租赁合同违约")
					.putFieldsItem("referralChannel", "ARBITRATION")
					.putFieldsItem("referralReason", "合同纠纷宜仲裁"));
		committee.tasks.completeTask(committee.awaitTask(countyFailed, "Task_MediationFollowUp").getId(),
				new TaskCompletion().outcome("REFERRAL_FOLLOWED").putFieldsItem("followUpNote", "已申请仲裁"));
		for (UUID id : List.of(countySettled, countyFailed)) {
			closeWithAVisit(id);
		}
	}

	/** The agreement drawn up by whoever settled; 司法确认 applied for at the county court when asked. */
	private void signAgreement(CasegridClient mediator, UUID id, boolean judicialConfirmation) throws ApiException {
		mediator.tasks.completeTask(mediator.awaitTask(id, "Task_DraftAgreement").getId(),
				new TaskCompletion().outcome("SIGNED")
					.putFieldsItem("parties", "王某，男，东关社区5号楼；李某，女，东关社区5号楼")
					.putFieldsItem("facts", "王某搭建雨棚遮挡李某采光")
					.putFieldsItem("obligations", "王某于十日内改建雨棚")
					.putFieldsItem("performance", "王某自行改建，网格员见证")
					.putFieldsItem("performBy", "2025-07-20T09:00:00+08:00")
					.putFieldsItem("signaturesConfirmed", "CONFIRMED")
					.putFieldsItem("applyJudicialConfirmation", judicialConfirmation ? "YES" : "NO"));
		if (judicialConfirmation) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_JudicialConfirmation").getId(),
					new TaskCompletion().outcome("APPLIED").putFieldsItem("court", "云岭县人民法院"));
		}
	}

	/** 回访 by the community, 满意: the dispute ends archived, leaving no timer behind. */
	private void closeWithAVisit(UUID id) throws ApiException {
		committee.awaitTask(id, "Task_ReturnVisit");
		committee.feedback.evaluateCase(id, new Evaluation().score(EvaluationScore.SATISFIED));
		await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
	}

	@Test
	void theTownshipAndTheCountyCountEveryFigureAsComputedByHand() throws Exception {
		// 城关街道 and the county hold exactly the 62 cases built here
		for (String unit : List.of(DemoCounty.TOWNSHIP_CHENGGUAN, DemoCounty.COUNTY)) {
			UnitReport report = centre.reports.getUnitReport(unit, MONTH, null, null);
			Map<String, ReportFigure> f = byKey(report);
			// 53 grid reports (24 + 6 + 3 + 6 + 4 + 4 + 3 whistled + 3 rejected) + 2 hotline + 7 disputes = 62
			assertCount(f, "received", 62);
			assertCount(f, "vulnerableReceived", 2);
			// valid: 62 − 3 rejected = 59; results sent: 24 + 6 + 3 + 6 + 4 + 4 + 2 vulnerable + 7 disputes = 56 (the 3
			// whistled are still with departments) → 56 / 59 = 94.92 %
			assertRate(f, "completionRate", 56, 59, 94.9);
			// 签收/报到 met: 52 at the grid (50 + 2 vulnerable; the 重办 keeps its clock), 11 at the township
			// (4 + 4 + 3), 3 department 报到 (乱吹哨 case, the kept case's second 报到, 住建 on the redispatched one);
			// the 2 退单 count in neither; a dispute's 受理 has no such clock
			assertRate(f, "acceptanceOnTimeRate", 66, 66, 100.0);
			// 办结 met: 39 first rounds, 3 重办 and 2 vulnerable at the grid, 4 escalated and 4 late at the township
			// = 52; past their limit: 4 at the grid (late) and 3 departments' = 7; the 7 handed up by hand count in
			// neither → 52 / 59 = 88.14 %
			assertRate(f, "handlingOnTimeRate", 52, 59, 88.1);
			// 4 late + 3 whistled
			assertCount(f, "overdueCases", 7);
			// first results, in working hours from 09:00: 2 vulnerable after 40 min (2/3 h), 43 after 1 h (10:00),
			// 5 disputes after 1.5 h (10:30), 4 late after 2 h 20 min (7/3 h), 2 disputes concluded by the county the
			// next day at 09:30 (3 + 3.5 on the 8th, 1 on the 9th = 7.5 h):
			// (2 × 2/3 + 43 + 5 × 1.5 + 4 × 7/3 + 2 × 7.5) / 56 = (1.33 + 43 + 7.5 + 9.33 + 15) / 56 = 76.17 / 56
			// = 1.36 → 1.4; 90th percentile: rank ⌈0.9 × 56⌉ = 51, in order 2 × 0.67, 43 × 1, 5 × 1.5 (46th–50th),
			// 4 × 2.33 (51st–54th) → 2.33 → 2.3
			assertThat(value(f, "handlingHoursAverage")).isEqualTo(1.4);
			assertThat(value(f, "handlingHoursP90")).isEqualTo(2.3);
			// evaluations given: 24 + 6 + 3 × 2 (不满意, then 满意 after the 重办) + 4 + 4 + 2 + 7 = 53; 满意 or 基本满意:
			// 24 + 6 + 3 + 4 + 4 + 2 + 7 = 50 → 50 / 53 = 94.34 %; 默认满意 (6) apart, in neither
			assertCount(f, "evaluationsGiven", 53);
			assertRate(f, "satisfactionRate", 50, 53, 94.3);
			assertCount(f, "dissatisfied", 3);
			assertCount(f, "defaultSatisfied", 6);
			// 重办 3 over 53 given + 6 defaulted = 59 → 5.08 %
			assertRate(f, "redoRate", 3, 59, 5.1);
			assertCount(f, "departmentReturns", 2);
			assertCount(f, "unjustifiedReturns", 1);
			assertCount(f, "whistles", 3);
			assertCount(f, "frivolousWhistles", 1);
			// 3 orders: 1 replied at once, 2 missed a day later
			assertCount(f, "supervisionIssued", 3);
			assertCount(f, "supervisionRepliedOnTime", 1);
			assertCount(f, "supervisionMissed", 2);
			// 4 by hand + 4 late + 3 before the whistle, all from the grid up to the township; the 2 missed 督办单,
			// each reported from the department up to the county centre → 13
			assertCount(f, "escalations", 13);
			// (rows in the order of the level's code)
			assertThat(rows(report, "escalationsByLevel")).containsExactly(Map.entry("COUNTY", 2L),
					Map.entry("TOWNSHIP", 11L));
			assertThat(rows(report, "byChannel")).containsExactly(Map.entry("GRID_REPORT", 53L),
					Map.entry("VISIT", 7L), Map.entry("HOTLINE_12345", 2L));
			assertThat(rows(report, "topCategories")).containsExactly(Map.entry("FLY_WIRE_CHARGING", 52L),
					Map.entry("NEIGHBOUR_DISPUTE", 7L), Map.entry("OTHER", 3L));
			// triage placed the flying wires with the grid and the disputes with the village's committee; the 其他
			// reports went to the township's dispatcher
			assertThat(rows(report, "byLevel")).containsExactly(Map.entry("GRID", 52L), Map.entry("VILLAGE", 7L),
					Map.entry("TOWNSHIP", 3L));
			assertThat(rows(report, "hotSpots")).containsExactly(
					Map.entry(DemoCounty.GRID_DONGGUAN_1 + "/FLY_WIRE_CHARGING", 52L),
					Map.entry(DemoCounty.GRID_DONGGUAN_1 + "/NEIGHBOUR_DISPUTE", 7L),
					Map.entry(DemoCounty.GRID_DONGGUAN_1 + "/OTHER", 3L));
		}
	}

	/**
	 * The month's 专报 as leaders print it holds the figures computed by hand above; with
	 * {@code -Dreports.page=<file>} the page is also written out, to be rendered (docs/reports.md).
	 */
	@Test
	void theMonthsPublishedReportPrintsTheFiguresComputedByHand() throws Exception {
		MonthlyReport draft = monthlyReports.compute(DemoCounty.COUNTY, java.time.YearMonth.parse(MONTH), null);
		MonthlyReport published = monthlyReports.publish(draft.id(), "同意发布", DemoUsers.CENTRE);

		// raw HTTP: the generated Java client reads every answer as JSON, this one is text/html
		String page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/reports/monthly/" + published.id()
						+ "/document"))
				.header("Authorization", "Bearer " + io.casegrid.identity.TestKeycloak.tokenFor(DemoUsers.SUPERVISOR))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();

		assertThat(page).contains("2025年7月 接诉即办专报", "<td class=\"n\">62</td>", "56 / 59", "52 / 59", "50 / 53",
				"94.3", "88.1");
		String to = System.getProperty("reports.page");
		if (to != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(to), page);
		}
	}

	@Test
	void disputesAreCountedPerLevelWithTheFailedOneAndJudicialConfirmationAsComputedByHand() throws Exception {
		UnitReport report = centre.reports.getUnitReport(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null);
		Map<String, ReportFigure> f = byKey(report);
		// accepted 6 (the declined one never was)
		assertCount(f, "disputesAccepted", 6);
		// settled 5: 2 at the village, 1 by the brand room, 1 by the 三长会商, 1 by the county centre
		assertCount(f, "disputesSettled", 5);
		assertThat(rows(report, "settledByLevel")).containsExactly(Map.entry("VILLAGE", 2L), Map.entry("BRAND_ROOM", 1L),
				Map.entry("THREE_HEADS", 1L), Map.entry("COUNTY", 1L));
		// success: 5 settled over 5 + 1 the county could not settle = 6 → 83.33 %; the declined one counts in neither
		assertRate(f, "mediationSuccessRate", 5, 6, 83.3);
		// 司法确认 applied for on the 2 village ones and the 三长会商's: 3 of the 5 settled → 60 %
		assertRate(f, "judicialConfirmationRate", 3, 5, 60.0);
		// natural days from opening (the dispute reached the committee at 09:00) to conclusion: 4 concluded at 10:30
		// (90 min each), 2 by the county the next day at 09:30 (24 h 30 min = 1,470 min each):
		// (4 × 90 + 2 × 1,470) / 6 = 550 min = 0.38 days → 0.4
		assertThat(value(f, "mediationDaysAverage")).isEqualTo(0.4);
		// referrals of concluded mediations: the one the county could not settle (仲裁); a declined dispute is no
		// concluded mediation
		assertThat(rows(report, "referralsByChannel")).containsExactly(Map.entry("ARBITRATION", 1L));
	}

	@Test
	void aDepartmentCountsItsOwnWorkAsComputedByHand() throws Exception {
		// 城管 counts its own work: the 3 cases whistled to it
		Map<String, ReportFigure> cg = byKey(
				centre.reports.getUnitReport(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, MONTH, null, null));
		assertCount(cg, "received", 3);
		// its 报到: 乱吹哨 case and the kept case's second (met); its 2 退单 count in neither
		assertRate(cg, "acceptanceOnTimeRate", 2, 2, 100.0);
		// its 办理 on the 乱吹哨 and the kept case went past the limit
		assertRate(cg, "handlingOnTimeRate", 0, 2, 0.0);
		assertCount(cg, "overdueCases", 2);
		assertCount(cg, "departmentReturns", 2);
		assertCount(cg, "unjustifiedReturns", 1);
		assertCount(cg, "whistles", 3);
		assertCount(cg, "frivolousWhistles", 1);
		// its 2 orders: replied to the one on the 乱吹哨 case, missed the one on the kept case
		assertCount(cg, "supervisionIssued", 2);
		assertCount(cg, "supervisionRepliedOnTime", 1);
		assertCount(cg, "supervisionMissed", 1);
		assertThat(cg.get("satisfactionRate").getValue()).isNull();
	}

	@Test
	void theTownshipsScoreAndEachOfItsDeductionsTraceToTheirCases() throws Exception {
		// 考核 of 城关街道 (weights 0.3 / 0.3 / 0.4) on the rates as shown (one decimal):
		// 0.3 × 100 + 0.3 × 88.1 + 0.4 × 94.3 = 30 + 26.43 + 37.72 = 94.15 → 94.2 (四舍五入);
		// deductions: 7 late 办结 × 2 + 1 乱吹哨 (it blew the whistle) × 2 + 3 重办 × 1 + 3 不满意 × 1 = 22;
		// the 推诿 and the missed 督办 are the departments', not the township's → 94.2 − 22 = 72.2
		UnitAssessment chengguan = centre.reports.getUnitAssessment(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null);
		assertThat(chengguan.getThreeRateScore()).isEqualByComparingTo("94.2");
		assertThat(chengguan.getDeductedPoints()).isEqualByComparingTo("22.0");
		assertThat(chengguan.getScore()).isEqualByComparingTo("72.2");
		Map<String, AssessmentDeduction> township = deductions(chengguan);
		assertThat(casesOf(township.get("LATE_HANDLING"))).containsExactlyInAnyOrderElementsOf(concat(late, whistled));
		assertThat(casesOf(township.get("FRIVOLOUS_WHISTLE"))).containsExactly(frivolous);
		assertThat(casesOf(township.get("REDO"))).containsExactlyInAnyOrderElementsOf(redone);
		assertThat(casesOf(township.get("DISSATISFIED"))).containsExactlyInAnyOrderElementsOf(redone);
		for (String none : List.of("LATE_ACCEPTANCE", "MISSED_SUPERVISION", "UNJUSTIFIED_RETURN")) {
			assertThat(township.get(none).getCount()).as(none).isZero();
			assertThat(township.get(none).getCases()).as(none).isEmpty();
		}
	}

	@Test
	void eachDepartmentIsChargedItsOwnDeductionsTracedToTheirCases() throws Exception {
		// 考核 of 城管 (weights 0.3 / 0.4 / 0.3): 0.3 × 100 + 0.4 × 0 + 0.3 × 100 (no evaluation: full) = 60;
		// deductions: 2 late 办理 × 2 + 1 推诿 × 3 + 1 missed 督办 × 3 = 10 (the 乱吹哨 was the township's) → 50
		UnitAssessment urbanScore = centre.reports.getUnitAssessment(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, MONTH,
				null, null);
		assertThat(urbanScore.getThreeRateScore()).isEqualByComparingTo("60.0");
		assertThat(urbanScore.getDeductedPoints()).isEqualByComparingTo("10.0");
		assertThat(urbanScore.getScore()).isEqualByComparingTo("50.0");
		Map<String, AssessmentDeduction> department = deductions(urbanScore);
		assertThat(casesOf(department.get("LATE_HANDLING"))).containsExactlyInAnyOrder(frivolous, kept);
		assertThat(casesOf(department.get("UNJUSTIFIED_RETURN"))).containsExactly(kept);
		assertThat(casesOf(department.get("MISSED_SUPERVISION"))).containsExactly(kept);
		assertThat(department.get("FRIVOLOUS_WHISTLE").getCount()).as("called in, not the one who blew").isZero();
		// 住建: 报到 1 / 1, 办理 0 / 1 → 0.3 × 100 + 0.4 × 0 + 0.3 × 100 = 60; 1 late 办理 × 2 + 1 missed 督办 × 3 = 5 → 55
		UnitAssessment housing = centre.reports.getUnitAssessment(DemoCounty.DEPARTMENT_HOUSING, MONTH, null, null);
		assertThat(housing.getScore()).isEqualByComparingTo("55.0");
		Map<String, AssessmentDeduction> housingDeductions = deductions(housing);
		assertThat(casesOf(housingDeductions.get("LATE_HANDLING"))).containsExactly(redispatched);
		assertThat(casesOf(housingDeductions.get("MISSED_SUPERVISION"))).containsExactly(redispatched);
	}

	@Test
	void townshipsAndDepartmentsAreRankedByScore() throws Exception {
		// townships among townships: 河西镇 had no case (empty rates count as full: 100) ahead of 城关街道 (72.2)
		AssessmentRanking townships = centre.reports.getAssessmentRanking("TOWNSHIP", MONTH, null, null);
		assertThat(townships.getItems()).extracting(r -> r.getAssessment().getUnitCode())
			.containsExactly("149901102", DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(townships.getItems()).extracting(RankedAssessment::getRank).containsExactly(1, 2);
		// departments among departments: every department without a case shares rank 1 at 100, then 住建 (55), 城管 (50)
		List<RankedAssessment> departments = centre.reports.getAssessmentRanking("DEPARTMENT", MONTH, null, null)
			.getItems();
		int n = departments.size();
		assertThat(departments.subList(n - 2, n)).extracting(r -> r.getAssessment().getUnitCode())
			.containsExactly(DemoCounty.DEPARTMENT_HOUSING, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(departments.subList(n - 2, n)).extracting(RankedAssessment::getRank).containsExactly(n - 1, n);
		assertThat(departments.subList(0, n - 2)).allSatisfy(r -> {
			assertThat(r.getRank()).isEqualTo(1);
			assertThat(r.getAssessment().getScore()).isEqualByComparingTo("100.0");
		});
	}

	/**
	 * Suspends the case's processes and the processes they called, but for its 督办单 when asked to (they run on to
	 * their deadline).
	 */
	private void suspendProcessesOf(UUID id, boolean exceptSupervisionOrders) {
		suspend(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list(),
				exceptSupervisionOrders);
	}

	private void suspend(List<ProcessInstance> instances, boolean exceptSupervisionOrders) {
		for (ProcessInstance instance : instances) {
			if (exceptSupervisionOrders && instance.getProcessDefinitionId().startsWith("SupervisionOrder:")) {
				continue;
			}
			suspend(runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list(),
					exceptSupervisionOrders);
			if (!instance.isSuspended()) {
				runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance.getId()).suspend();
			}
		}
	}

	private List<UUID> report(int count) throws ApiException {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(grid.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString()).getId());
		}
		return ids;
	}

	@SafeVarargs
	private static List<UUID> concat(List<UUID>... lists) {
		List<UUID> all = new ArrayList<>();
		for (List<UUID> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private static void assertCount(Map<String, ReportFigure> figures, String key, long expected) {
		assertThat(value(figures, key)).as(key).isEqualTo((double) expected);
	}

	private static void assertRate(Map<String, ReportFigure> figures, String key, long numerator, long denominator,
			Double percent) {
		ReportFigure rate = figures.get(key);
		assertThat(rate.getNumerator()).as(key).isEqualTo(numerator);
		assertThat(rate.getDenominator()).as(key).isEqualTo(denominator);
		assertThat(value(figures, key)).as(key).isEqualTo(percent);
	}

	private static Double value(Map<String, ReportFigure> figures, String key) {
		return figures.get(key).getValue() == null ? null : figures.get(key).getValue().doubleValue();
	}

	private static void at(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	private static void resolve(CasegridClient handler, UUID id) throws ApiException {
		handler.tasks.completeTask(handler.awaitTask(id, "Task_HandleAtLevel").getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线"));
	}

	private void evaluate(UUID id, EvaluationScore score) throws ApiException {
		gridLead.awaitTask(id, "Task_ReturnVisit");
		gridLead.feedback.evaluateCase(id, new Evaluation().score(score));
	}

	private static void acknowledge(CasegridClient department, UUID id) throws ApiException {
		department.tasks.completeTask(department.awaitTask(id, "Task_Acknowledge").getId(),
				new TaskCompletion().outcome("ACKNOWLEDGE"));
	}

	private SlaClockView handlingClock(UUID id, String level) throws ApiException {
		return centre.sla.getCaseSla(id)
			.getClocks()
			.stream()
			.filter(c -> c.getPhase().getValue().equals("HANDLING") && c.getLevel().getValue().equals(level))
			.findFirst()
			.orElseThrow();
	}

	/** Runs the job of this BPMN element of the case's processes now, as if its time had come. */
	private void runJob(UUID caseId, String activityId) {
		Job job = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.list()
			.stream()
			.map(p -> management.createJobQuery().processInstanceId(p.getId()).activityId(activityId).singleResult())
			.filter(j -> j != null)
			.findFirst()
			.orElse(null), j -> j != null);
		management.executeJob(job.getId());
	}

	/** Runs the case's due timers now rather than waiting for the job executor's next acquisition. */
	private void fireDueTimers(UUID caseId) throws ApiException {
		for (PendingTimer timer : centre.escalation.getCaseTimers(caseId)) {
			if (!timer.getDueAt().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
				try {
					management.executeJob(timer.getJobId());
				}
				catch (ProcessEngineException | OptimisticLockingFailureException ex) {
					// the job executor took it first (on a 督办单's row the lost update is Spring's exception: only SLA clocks
					// translate it into the engine's)
				}
			}
		}
	}

	static Map<String, ReportFigure> byKey(UnitReport report) {
		return report.getFigures().stream().collect(Collectors.toMap(ReportFigure::getKey, Function.identity()));
	}

	static Map<String, Long> rows(UnitReport report, String table) {
		return report.getTables()
			.stream()
			.filter(t -> t.getKey().equals(table))
			.findFirst()
			.orElseThrow()
			.getRows()
			.stream()
			.collect(Collectors.toMap(ReportTableRow::getKey, ReportTableRow::getValue, (a, b) -> a,
					LinkedHashMap::new));
	}

	static Map<String, AssessmentDeduction> deductions(UnitAssessment assessment) {
		return assessment.getDeductions().stream()
			.collect(Collectors.toMap(d -> d.getItem().getValue(), Function.identity()));
	}

	static List<UUID> casesOf(AssessmentDeduction deduction) {
		return deduction.getCases().stream().map(DeductedCase::getCaseId).toList();
	}

}
