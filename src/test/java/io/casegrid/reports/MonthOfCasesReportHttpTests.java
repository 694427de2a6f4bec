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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
import io.casegrid.client.model.DeductedCase;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ReportFigure;
import io.casegrid.client.model.ReportTableRow;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.UnitAssessment;
import io.casegrid.client.model.UnitReport;
import io.casegrid.client.model.WhistleJudgement;
import io.casegrid.client.model.WhistleJudgementRequest;
import io.casegrid.client.model.WhistleRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A month of cases of every kind the monthly report counts, built through the API in a month no other test uses
 * (July 2025, the engine's clock moved there), all in 东关社区第一网格 of 城关街道; the report and the assessment read
 * back through the API and every figure compared with the arithmetic written beside it. The months lie after every
 * other test's moved clock (UnitReportHttpTests: June 2025), so timers left running here never fire in another test's
 * month; the disputes (September 2025) come after the whistled cases still open in July.
 */
@HttpTest
class MonthOfCasesReportHttpTests {

	/** Tuesday 8 July 2025, 09:00 in the county (a working day; office hours 08:30–12:00, 14:00–17:30). */
	private static final Instant T0 = Instant.parse("2025-07-08T01:00:00Z");

	private static final String MONTH = "2025-07";

	private static final int SATISFIED = 24;

	private static final int BASICALLY = 6;

	private static final int REDONE = 3;

	private static final int DEFAULTED = 6;

	private static final int REJECTED = 3;

	private static final int ESCALATED = 4;

	private static final int LATE = 4;

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	CasegridClient grid;

	CasegridClient gridLead;

	CasegridClient township;

	CasegridClient centre;

	CasegridClient urban;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aMonthOfEveryKindOfCaseIsCountedScoredAndRankedAsComputedByHand() throws Exception {
		grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
		urban = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		at(T0);

		// 09:00 — every case reported at once
		List<UUID> satisfied = report(SATISFIED);
		List<UUID> basically = report(BASICALLY);
		List<UUID> redone = report(REDONE);
		List<UUID> defaulted = report(DEFAULTED);
		List<UUID> escalated = report(ESCALATED);
		List<UUID> late = report(LATE);
		UUID frivolous = report(1).get(0);
		UUID kept = report(1).get(0);
		UUID redispatched = report(1).get(0);
		List<UUID> whistled = List.of(frivolous, kept, redispatched);
		List<UUID> rejected = new ArrayList<>();
		for (int i = 0; i < REJECTED; i++) {
			UUID id = grid.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString()).getId();
			township.tasks.completeTask(township.awaitTask(id, "Task_Dispatch").getId(),
					new TaskCompletion().outcome("REJECT").putFieldsItem("rejectReason", "重复上报"));
			rejected.add(id);
		}

		// 09:10 — the grid signs for every case it handles (签收 within its 30 minutes); 9 go up by hand
		at(T0.plus(Duration.ofMinutes(10)));
		List<UUID> atGrid = concat(satisfied, basically, redone, defaulted, escalated, late, whistled);
		for (UUID id : atGrid) {
			grid.tasks.claimTask(grid.awaitTask(id, "Task_HandleAtLevel").getId());
		}
		for (UUID id : concat(escalated, whistled)) {
			grid.escalation.escalateCase(id, new EscalationRequest().reason("需街道协调"));
		}
		// 09:20 — the township signs for them
		at(T0.plus(Duration.ofMinutes(20)));
		for (UUID id : concat(escalated, whistled)) {
			township.tasks.claimTask(township.awaitTask(id, "Task_HandleAtLevel").getId());
		}

		// 09:20 — the township whistles 城管 in on three cases: one judged 乱吹哨; 城管 returns two (退单), the centre
		// keeps one with 城管 (确权 KEEP: 推诿) and gives the other to 住建 (REDISPATCH); each department signs for (报到)
		// its case at once, so no 督办 falls due
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

		// 11:00:01 — the late cases' two working hours of 办结 at the grid are over: the case goes up to the township
		Instant gridDue = handlingClock(late.get(0), "GRID").getDueAt().toInstant();
		assertThat(gridDue).isEqualTo(T0.plus(Duration.ofHours(2)));
		at(gridDue.plusSeconds(1));
		for (UUID id : late) {
			fireDueTimers(id);
		}
		// 11:10 signed for by the township, 11:20 resolved (2 h 20 min working after the report), 满意
		// (the departments' 办理 on the whistled cases runs until 11:20)
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

		for (UUID id : concat(satisfied, basically, redone, defaulted, escalated, late)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
		}

		// 11:25 — the departments' two working hours of 办理 (from 09:20) are over on the three whistled cases: each
		// clock goes past its limit and a 督办单 is issued to its department; 城管 replies to one at once
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

		List<UUID> closed = concat(satisfied, basically, redone, defaulted, escalated, late);
		for (UUID id : closed) {
			await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
		}

		// 城关街道 and the county hold exactly the 53 cases built here: 50 flying wires and 3 reports rejected as invalid
		for (String unit : List.of(DemoCounty.TOWNSHIP_CHENGGUAN, DemoCounty.COUNTY)) {
			UnitReport report = centre.reports.getUnitReport(unit, MONTH, null, null);
			Map<String, ReportFigure> f = byKey(report);
			// 24 + 6 + 3 + 6 + 4 + 4 + 3 whistled + 3 rejected = 53, none from a vulnerable resident
			assertCount(f, "received", 53);
			assertCount(f, "vulnerableReceived", 0);
			// results sent: 24 + 6 + 3 + 6 + 4 + 4 = 47 of the 50 valid (the 3 whistled are still with departments)
			assertRate(f, "completionRate", 47, 50, 94.0);
			// 签收/报到 met: 50 at the grid (the 重办 keeps its clock), 11 at the township (4 + 4 + 3), 3 department
			// 报到 (乱吹哨 case, the kept case's second 报到, 住建 on the redispatched one); the 2 退单 count in neither
			assertRate(f, "acceptanceOnTimeRate", 64, 64, 100.0);
			// 办结 met: 39 first rounds and 3 重办 at the grid, 4 escalated and 4 late at the township = 50; past their
			// limit: 4 at the grid (late) and 3 departments' = 7; the 7 handed up by hand count in neither.
			// 50 / 57 = 87.72 %
			assertRate(f, "handlingOnTimeRate", 50, 57, 87.7);
			// 4 late + 3 whistled
			assertCount(f, "overdueCases", 7);
			// first results: 43 after 1 working hour (09:00 → 10:00), 4 after 2 h 20 min (09:00 → 11:20):
			// (43 + 4 × 7/3) / 47 = 52.33 / 47 = 1.11 → 1.1; 90th percentile: rank ⌈0.9 × 47⌉ = 43 → 1.0
			assertThat(value(f, "handlingHoursAverage")).isEqualTo(1.1);
			assertThat(value(f, "handlingHoursP90")).isEqualTo(1.0);
			// evaluations given: 24 + 6 + 3 × 2 (不满意, then 满意 after the 重办) + 4 + 4 = 44; 满意 or 基本满意:
			// 24 + 6 + 3 + 4 + 4 = 41 → 41 / 44 = 93.18 %; 默认满意 (6) apart, in neither
			assertCount(f, "evaluationsGiven", 44);
			assertRate(f, "satisfactionRate", 41, 44, 93.2);
			assertCount(f, "dissatisfied", 3);
			assertCount(f, "defaultSatisfied", 6);
			// 重办 3 over 44 given + 6 defaulted = 50 → 6 %
			assertRate(f, "redoRate", 3, 50, 6.0);
			assertCount(f, "departmentReturns", 2);
			assertCount(f, "unjustifiedReturns", 1);
			assertCount(f, "whistles", 3);
			assertCount(f, "frivolousWhistles", 1);
			assertCount(f, "supervisionIssued", 3);
			assertCount(f, "supervisionRepliedOnTime", 1);
			assertCount(f, "supervisionMissed", 0);
			// 4 by hand + 4 late + 3 before the whistle, all from the grid up to the township
			assertCount(f, "escalations", 11);
			assertThat(rows(report, "escalationsByLevel")).containsExactly(Map.entry("TOWNSHIP", 11L));
			assertThat(rows(report, "byChannel")).containsExactly(Map.entry("GRID_REPORT", 53L));
			assertThat(rows(report, "topCategories")).containsExactly(Map.entry("FLY_WIRE_CHARGING", 50L),
					Map.entry("OTHER", 3L));
			// triage placed the flying wires with the grid; the 其他 reports went to the township's dispatcher
			assertThat(rows(report, "byLevel")).containsExactly(Map.entry("GRID", 50L), Map.entry("TOWNSHIP", 3L));
			assertThat(rows(report, "hotSpots")).containsExactly(
					Map.entry(DemoCounty.GRID_DONGGUAN_1 + "/FLY_WIRE_CHARGING", 50L),
					Map.entry(DemoCounty.GRID_DONGGUAN_1 + "/OTHER", 3L));
		}

		// 城管 counts its own work: the 3 cases whistled to it (it handled 2 of them to the end of the day)
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
		assertCount(cg, "supervisionIssued", 2);
		assertCount(cg, "supervisionRepliedOnTime", 1);
		assertThat(cg.get("satisfactionRate").getValue()).isNull();

		// 考核 of 城关街道 (weights 0.3 / 0.3 / 0.4): 0.3 × 100 + 0.3 × 87.72 + 0.4 × 93.18 = 30 + 26.32 + 37.27 = 93.6;
		// deductions: 7 late 办结 × 2 + 1 乱吹哨 (it blew the whistle) × 2 + 3 重办 × 1 + 3 不满意 × 1 = 22;
		// the 推诿 and the 督办 are the departments', not the township's → 93.6 − 22 = 71.6
		UnitAssessment chengguan = centre.reports.getUnitAssessment(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null);
		assertThat(chengguan.getThreeRateScore()).isEqualByComparingTo("93.6");
		assertThat(chengguan.getDeductedPoints()).isEqualByComparingTo("22.0");
		assertThat(chengguan.getScore()).isEqualByComparingTo("71.6");
		Map<String, AssessmentDeduction> township = deductions(chengguan);
		assertThat(casesOf(township.get("LATE_HANDLING"))).containsExactlyInAnyOrderElementsOf(concat(late, whistled));
		assertThat(casesOf(township.get("FRIVOLOUS_WHISTLE"))).containsExactly(frivolous);
		assertThat(casesOf(township.get("REDO"))).containsExactlyInAnyOrderElementsOf(redone);
		assertThat(casesOf(township.get("DISSATISFIED"))).containsExactlyInAnyOrderElementsOf(redone);
		for (String none : List.of("LATE_ACCEPTANCE", "MISSED_SUPERVISION", "UNJUSTIFIED_RETURN")) {
			assertThat(township.get(none).getCount()).as(none).isZero();
			assertThat(township.get(none).getCases()).as(none).isEmpty();
		}

		// 考核 of 城管 (weights 0.3 / 0.4 / 0.3): 0.3 × 100 + 0.4 × 0 + 0.3 × 100 (no evaluation: full) = 60;
		// deductions: 2 late 办理 × 2 + 1 推诿 × 3 = 7 (the 乱吹哨 was the township's) → 53
		UnitAssessment urbanScore = centre.reports.getUnitAssessment(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, MONTH,
				null, null);
		assertThat(urbanScore.getThreeRateScore()).isEqualByComparingTo("60.0");
		assertThat(urbanScore.getScore()).isEqualByComparingTo("53.0");
		Map<String, AssessmentDeduction> department = deductions(urbanScore);
		assertThat(casesOf(department.get("LATE_HANDLING"))).containsExactlyInAnyOrder(frivolous, kept);
		assertThat(casesOf(department.get("UNJUSTIFIED_RETURN"))).containsExactly(kept);
		assertThat(department.get("FRIVOLOUS_WHISTLE").getCount()).as("called in, not the one who blew").isZero();
		// 住建: 报到 1 / 1, 办理 0 / 1 → 60; 1 late 办理 × 2 → 58
		assertThat(centre.reports.getUnitAssessment(DemoCounty.DEPARTMENT_HOUSING, MONTH, null, null).getScore())
			.isEqualByComparingTo("58.0");

		// townships among townships: 河西镇 had no case (empty rates count as full) ahead of 城关街道
		AssessmentRanking townships = centre.reports.getAssessmentRanking("TOWNSHIP", MONTH, null, null);
		assertThat(townships.getItems()).extracting(r -> r.getAssessment().getUnitCode())
			.containsExactly("149901102", DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(townships.getItems()).extracting(RankedAssessment::getRank).containsExactly(1, 2);
		// departments among departments: every department without a case shares rank 1 at 100, then 住建 (58), 城管 (53)
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

		// the whistled cases stay with their departments: their processes are suspended so that no timer of theirs
		// fires once the engine's clock is back to today, in the month other tests count
		for (UUID id : whistled) {
			suspend(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list());
		}
	}

	private void suspend(List<org.camunda.bpm.engine.runtime.ProcessInstance> instances) {
		for (var instance : instances) {
			suspend(runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list());
			if (!instance.isSuspended()) {
				runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance.getId()).suspend();
			}
		}
	}

	@Test
	void disputesMediatedInAMonthOfTheirOwnAreCountedAsComputedByHand() throws Exception {
		// Tuesday 9 September 2025, 09:00: three neighbour disputes reported by the grid worker on a visit
		Instant may = Instant.parse("2025-09-09T01:00:00Z");
		at(may);
		CasegridClient worker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient committee = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
		List<UUID> disputes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			disputes.add(worker.intake.reportCase(CasegridClient.flyingWireReport()
				.channel(io.casegrid.client.model.Channel.VISIT)
				.categoryCode("NEIGHBOUR_DISPUTE")
				.title("邻里纠纷：雨棚挡光")
				.description("王某在5号楼前搭建雨棚，挡住李某家采光。"), UUID.randomUUID().toString()).getId());
		}
		List<UUID> settled = disputes.subList(0, 2);
		UUID declined = disputes.get(2);
		// the committee accepts two at once and declines the third (产权: 诉讼)
		for (UUID id : settled) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_AcceptDispute").getId(),
					new TaskCompletion().outcome("ACCEPT").putFieldsItem("parties", "王某；李某")
						.putFieldsItem("disputeSummary", "雨棚挡光"));
		}
		committee.tasks.completeTask(committee.awaitTask(declined, "Task_AcceptDispute").getId(),
				new TaskCompletion().outcome("DECLINE").putFieldsItem("referralReason", "涉及房屋产权确认")
					.putFieldsItem("referralChannel", "LITIGATION"));
		committee.tasks.completeTask(committee.awaitTask(declined, "Task_MediationFollowUp").getId(),
				new TaskCompletion().outcome("REFERRAL_FOLLOWED").putFieldsItem("followUpNote", "当事人已起诉"));

		// two days later the village settles both, with an agreement and 司法确认 applied for, and follows them up
		at(may.plus(Duration.ofDays(2)));
		for (UUID id : settled) {
			committee.tasks.completeTask(committee.awaitTask(id, "Task_VillageMediation").getId(),
					new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某拆除雨棚"));
			committee.tasks.completeTask(committee.awaitTask(id, "Task_DraftAgreement").getId(),
					new TaskCompletion().outcome("SIGNED")
						.putFieldsItem("parties", "王某，男，东关社区5号楼；李某，女，东关社区5号楼")
						.putFieldsItem("facts", "王某搭建雨棚遮挡李某采光")
						.putFieldsItem("obligations", "王某于十日内自行拆除雨棚")
						.putFieldsItem("performance", "王某自行拆除，网格员见证")
						.putFieldsItem("performBy", "2025-09-20T09:00:00+08:00")
						.putFieldsItem("signaturesConfirmed", "CONFIRMED")
						.putFieldsItem("applyJudicialConfirmation", "YES"));
			committee.tasks.completeTask(committee.awaitTask(id, "Task_JudicialConfirmation").getId(),
					new TaskCompletion().outcome("APPLIED").putFieldsItem("court", "云岭县人民法院"));
			committee.tasks.completeTask(committee.awaitTask(id, "Task_MediationFollowUp").getId(),
					new TaskCompletion().outcome("PERFORMED").putFieldsItem("followUpNote", "雨棚已拆除"));
		}
		// 回访 by the community: every dispute ends archived, leaving no timer behind
		for (UUID id : disputes) {
			committee.awaitTask(id, "Task_ReturnVisit");
			committee.feedback.evaluateCase(id, new Evaluation().score(EvaluationScore.SATISFIED));
			await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
		}

		UnitReport report = centre.reports.getUnitReport(DemoCounty.TOWNSHIP_CHENGGUAN, "2025-09", null, null);
		Map<String, ReportFigure> f = byKey(report);
		assertCount(f, "received", 3);
		assertThat(rows(report, "byChannel")).containsExactly(Map.entry("VISIT", 3L));
		assertThat(rows(report, "topCategories")).containsExactly(Map.entry("NEIGHBOUR_DISPUTE", 3L));
		// accepted 2 (the declined one never was); settled 2 at the village; success 2 / (2 + 0 failed) — the declined
		// one counts in neither; 司法确认 applied for 2 of the 2 settled; 2 days each from opening to conclusion
		assertCount(f, "disputesAccepted", 2);
		assertCount(f, "disputesSettled", 2);
		assertRate(f, "mediationSuccessRate", 2, 2, 100.0);
		assertRate(f, "judicialConfirmationRate", 2, 2, 100.0);
		assertThat(value(f, "mediationDaysAverage")).isEqualTo(2.0);
		assertThat(rows(report, "settledByLevel")).containsExactly(Map.entry("VILLAGE", 2L), Map.entry("BRAND_ROOM", 0L),
				Map.entry("THREE_HEADS", 0L), Map.entry("COUNTY", 0L));
		assertThat(rows(report, "referralsByChannel")).as("a declined dispute is no concluded mediation").isEmpty();
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
				catch (ProcessEngineException ex) {
					// the job executor took it first
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
