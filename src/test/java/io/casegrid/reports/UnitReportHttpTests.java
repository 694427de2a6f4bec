package io.casegrid.reports;

import static io.casegrid.reports.MonthOfCasesReportHttpTests.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.client.model.AssessmentDeduction;
import io.casegrid.client.model.AssessmentRanking;
import io.casegrid.client.model.DeductedCase;
import io.casegrid.client.model.RankedAssessment;
import io.casegrid.client.model.UnitAssessment;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.ReportFigure;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.UnitReport;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * A month of cases built through the API, in a month no other test uses (June 2025, the engine's clock moved there),
 * and the unit report and assessment read back through the API as a third-party app would; and who may read whose
 * report.
 */
@HttpTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitReportHttpTests {

	/** Tuesday 10 June 2025, 09:00 in the county (a working day). */
	private static final Instant MONTH_START_WORK = Instant.parse("2025-06-10T01:00:00Z");

	private static final String MONTH = "2025-06";

	@LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@Order(1)
	void aMonthOfCasesIsCountedScoredAndRankedAsComputedByHand() throws Exception {
		ClockUtil.setCurrentTime(Date.from(MONTH_START_WORK));
		CasegridClient grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		CasegridClient dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);

		List<UUID> flyingWires = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			flyingWires.add(grid.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString()).getId());
		}
		UUID invalid = grid.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString()).getId();
		dispatcher.tasks.completeTask(dispatcher.awaitTask(invalid, "Task_Dispatch").getId(),
				new TaskCompletion().outcome("REJECT").putFieldsItem("rejectReason", "重复上报"));

		// signed for within the 30 minutes of 签收, resolved within the two working hours of 办结: 09:00 → 10:00 on a
		// working day is one working hour
		ClockUtil.setCurrentTime(Date.from(MONTH_START_WORK.plus(Duration.ofMinutes(10))));
		for (UUID id : flyingWires) {
			grid.tasks.claimTask(grid.awaitTask(id, "Task_HandleAtLevel").getId());
		}
		ClockUtil.setCurrentTime(Date.from(MONTH_START_WORK.plus(Duration.ofHours(1))));
		for (UUID id : flyingWires) {
			resolve(grid, id);
		}
		EvaluationScore[] scores = { EvaluationScore.SATISFIED, EvaluationScore.BASICALLY_SATISFIED,
				EvaluationScore.DISSATISFIED };
		for (int i = 0; i < 3; i++) {
			evaluate(gridLead, flyingWires.get(i), scores[i]);
		}
		// 不满意 → 重办 once: resolved again and then 满意
		grid.tasks.claimTask(grid.awaitTask(flyingWires.get(2), "Task_HandleAtLevel").getId());
		resolve(grid, flyingWires.get(2));
		evaluate(gridLead, flyingWires.get(2), EvaluationScore.SATISFIED);
		for (UUID id : flyingWires) {
			await().atMost(Duration.ofSeconds(30)).until(() -> centre.cases.getCase(id).getStep() == CaseStep.ARCHIVED);
		}

		// by hand from the clocks the API shows: every 签收 and 办结 of these cases was in time
		long acceptance = 0;
		long handling = 0;
		for (UUID id : flyingWires) {
			for (SlaClockView clock : centre.sla.getCaseSla(id).getClocks()) {
				assertThat(clock.getState().getValue()).isNotEqualTo("BREACHED");
				boolean met = clock.getState().getValue().equals("MET");
				acceptance += met && clock.getPhase().getValue().equals("ACCEPTANCE") ? 1 : 0;
				handling += met && clock.getPhase().getValue().equals("HANDLING") ? 1 : 0;
			}
		}
		assertThat(acceptance).isGreaterThanOrEqualTo(3);

		for (String unit : List.of(DemoCounty.GRID_DONGGUAN_1, DemoCounty.TOWNSHIP_CHENGGUAN)) {
			UnitReport report = centre.reports.getUnitReport(unit, MONTH, null, null);
			Map<String, ReportFigure> f = byKey(report);
			assertThat(report.getFrom()).hasToString("2025-06-01");
			assertThat(report.getPreviousFrom()).hasToString("2025-05-01");
			assertThat(value(f, "received")).isEqualTo(4.0);
			assertThat(f.get("received").getPrevious()).isEqualByComparingTo("0");
			assertThat(value(f, "vulnerableReceived")).isZero();
			assertRate(f.get("completionRate"), 3, 3, 100.0);
			assertRate(f.get("acceptanceOnTimeRate"), acceptance, acceptance, 100.0);
			assertRate(f.get("handlingOnTimeRate"), handling, handling, handling == 0 ? null : 100.0);
			assertThat(value(f, "overdueCases")).isZero();
			assertThat(value(f, "handlingHoursAverage")).isEqualTo(1.0);
			assertThat(value(f, "handlingHoursP90")).isEqualTo(1.0);
			assertThat(value(f, "evaluationsGiven")).isEqualTo(4.0);
			assertRate(f.get("satisfactionRate"), 3, 4, 75.0);
			assertThat(value(f, "dissatisfied")).isEqualTo(1.0);
			assertThat(value(f, "defaultSatisfied")).isZero();
			assertRate(f.get("redoRate"), 1, 4, 25.0);
			for (String none : List.of("departmentReturns", "unjustifiedReturns", "whistles", "frivolousWhistles",
					"supervisionIssued", "supervisionMissed", "escalations", "disputesAccepted", "disputesSettled")) {
				assertThat(value(f, none)).as(none).isZero();
			}
			assertThat(rows(report, "byChannel")).containsExactly(Map.entry("GRID_REPORT", 4L));
			assertThat(rows(report, "topCategories")).containsExactly(Map.entry("FLY_WIRE_CHARGING", 3L),
					Map.entry("OTHER", 1L));
			assertThat(rows(report, "hotSpots")).containsEntry(DemoCounty.GRID_DONGGUAN_1 + "/FLY_WIRE_CHARGING", 3L);
		}
		UnitReport hexi = centre.reports.getUnitReport("149901102", MONTH, null, null);
		assertThat(value(byKey(hexi), "received")).isZero();
		assertThat(byKey(hexi).get("satisfactionRate").getValue()).isNull();

		// 考核: 城关街道 0.3 × 100 + 0.3 × 100 + 0.4 × 75 = 90, minus 1 (重办) and 1 (不满意), each traced to its case
		UnitAssessment chengguan = centre.reports.getUnitAssessment(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null);
		assertThat(chengguan.getThreeRateScore()).isEqualByComparingTo("90.0");
		assertThat(chengguan.getDeductedPoints()).isEqualByComparingTo("2.0");
		assertThat(chengguan.getScore()).isEqualByComparingTo("88.0");
		Map<String, AssessmentDeduction> deductions = chengguan.getDeductions().stream()
			.collect(Collectors.toMap(d -> d.getItem().getValue(), Function.identity()));
		for (String item : List.of("REDO", "DISSATISFIED")) {
			assertThat(deductions.get(item).getCount()).as(item).isEqualTo(1);
			assertThat(deductions.get(item).getCases()).extracting(DeductedCase::getCaseId).as(item)
				.containsExactly(flyingWires.get(2));
		}
		assertThat(deductions.values().stream().filter(d -> !List.of("REDO", "DISSATISFIED").contains(d.getItem().getValue())))
			.allSatisfy(d -> assertThat(d.getCount()).as(d.getItem().getValue()).isZero());
		// townships among townships: 河西镇 has nothing against it (empty rates count as full)
		AssessmentRanking ranking = centre.reports.getAssessmentRanking("TOWNSHIP", MONTH, null, null);
		assertThat(ranking.getItems()).extracting(r -> r.getAssessment().getUnitCode())
			.containsExactly("149901102", DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(ranking.getItems()).extracting(RankedAssessment::getRank).containsExactly(1, 2);
		assertThat(ranking.getItems().get(1).getAssessment().getScore()).isEqualByComparingTo("88.0");
		assertThat(ranking.getItems().get(1).getAssessment().getDeductions()).allSatisfy(d -> assertThat(d.getCases()).isEmpty());
	}

	@Test
	@Order(2)
	void aDesignersDeploymentOfTheAssessmentPolicyChangesTheScoreWithoutACodeChange() throws Exception {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		CasegridClient designer = new CasegridClient(port, DemoUsers.DESIGNER);
		String policy = new String(new ClassPathResource("processes/assessment-policy.dmn").getInputStream()
			.readAllBytes(), StandardCharsets.UTF_8);
		double before = centre.reports.getUnitAssessment(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null).getScore()
			.doubleValue();
		// 不满意 costs 5 instead of 1
		String changed = policy.replace("<outputEntry id=\"OutputEntry_Dissatisfied_Points\"><text>1</text>",
				"<outputEntry id=\"OutputEntry_Dissatisfied_Points\"><text>5</text>");
		assertThat(changed).isNotEqualTo(policy);
		try {
			DeploymentForm form = DeploymentForm.named("考核规则调整").resource("assessment-policy.dmn", changed);
			assertThat(designer.post("/engine-rest/deployment/create", form.contentType(), form.body()).statusCode())
				.isEqualTo(200);
			UnitAssessment after = centre.reports.getUnitAssessment(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null);
			AssessmentDeduction dissatisfied = after.getDeductions().stream()
				.filter(d -> d.getItem().getValue().equals("DISSATISFIED")).findFirst().orElseThrow();
			assertThat(dissatisfied.getPointsEach()).isEqualByComparingTo("5.0");
			assertThat(after.getScore().doubleValue()).isEqualTo(before - 4 * dissatisfied.getCount());
			assertThat(dissatisfied.getCount()).isPositive();
		}
		finally {
			DeploymentForm original = DeploymentForm.named("考核规则").resource("assessment-policy.dmn", policy);
			assertThat(designer.post("/engine-rest/deployment/create", original.contentType(), original.body())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aTownshipReadsItselfAndBelowButNotAnotherTownship() throws Exception {
		CasegridClient chengguan = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		assertThat(chengguan.reports.getUnitReport(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null).getUnitName())
			.isEqualTo("城关街道");
		assertThat(chengguan.reports.getUnitReport(DemoCounty.VILLAGE_DONGGUAN, MONTH, null, null).getLevel().getValue())
			.isEqualTo("VILLAGE");
		ApiException other = CasegridClient
			.failureOf(() -> chengguan.reports.getUnitReport("149901102", MONTH, null, null));
		ApiException unknown = CasegridClient
			.failureOf(() -> chengguan.reports.getUnitReport("149901999", MONTH, null, null));
		assertThat(other.getCode()).isEqualTo(404);
		assertThat(unknown.getCode()).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> chengguan.reports.getUnitReport(DemoCounty.COUNTY, MONTH, null, null)))
			.isEqualTo(404);
	}

	@Test
	void aDepartmentReadsOnlyItself() throws Exception {
		CasegridClient urban = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		assertThat(urban.reports.getUnitReport(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, MONTH, null, null).getLevel()
			.getValue()).isEqualTo("DEPARTMENT");
		assertThat(CasegridClient
			.statusOf(() -> urban.reports.getUnitReport(DemoCounty.DEPARTMENT_HOUSING, MONTH, null, null))).isEqualTo(404);
		assertThat(CasegridClient
			.statusOf(() -> urban.reports.getUnitReport(DemoCounty.TOWNSHIP_CHENGGUAN, MONTH, null, null))).isEqualTo(404);
	}

	@Test
	void theCountyReadsEveryUnit() throws Exception {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		for (String unit : List.of(DemoCounty.COUNTY, "149901102", DemoCounty.GRID_HEXI_1,
				DemoCounty.DEPARTMENT_HOUSING)) {
			assertThat(centre.reports.getUnitReport(unit, MONTH, null, null).getUnitCode()).isEqualTo(unit);
		}
	}

	@Test
	void aPeriodGivenTwiceOrBackwardsIsRefusedNamingTheField() {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		ApiException both = CasegridClient.failureOf(() -> centre.reports.getUnitReport(DemoCounty.COUNTY, MONTH,
				java.time.LocalDate.parse("2025-06-01"), null));
		assertThat(both.getCode()).isEqualTo(400);
		assertThat(both.getResponseBody()).contains("\"from\"");
		ApiException backwards = CasegridClient.failureOf(() -> centre.reports.getUnitReport(DemoCounty.COUNTY, null,
				java.time.LocalDate.parse("2025-06-10"), java.time.LocalDate.parse("2025-06-01")));
		assertThat(backwards.getCode()).isEqualTo(400);
		assertThat(backwards.getResponseBody()).contains("\"to\"");
		ApiException tooLong = CasegridClient.failureOf(() -> centre.reports.getUnitReport(DemoCounty.COUNTY, null,
				java.time.LocalDate.parse("2024-01-01"), java.time.LocalDate.parse("2025-06-01")));
		assertThat(tooLong.getCode()).isEqualTo(400);
		ApiException yearZero = CasegridClient
			.failureOf(() -> centre.reports.getUnitReport(DemoCounty.COUNTY, "0000-01", null, null));
		assertThat(yearZero.getCode()).isEqualTo(400);
		assertThat(yearZero.getResponseBody()).contains("\"month\"");
	}

	@Test
	void onlyDepartmentsAndTownshipsAreAssessedAndRanked() {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		ApiException level = CasegridClient
			.failureOf(() -> centre.reports.getAssessmentRanking("VILLAGE", MONTH, null, null));
		assertThat(level.getCode()).isEqualTo(400);
		assertThat(level.getResponseBody()).contains("\"level\"");
		ApiException village = CasegridClient
			.failureOf(() -> centre.reports.getUnitAssessment(DemoCounty.VILLAGE_DONGGUAN, MONTH, null, null));
		assertThat(village.getCode()).isEqualTo(400);
		assertThat(village.getResponseBody()).contains("\"unitCode\"");
	}

	private static void resolve(CasegridClient grid, UUID id) throws ApiException {
		var handle = grid.awaitTask(id, "Task_HandleAtLevel");
		grid.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线"));
	}

	private static void evaluate(CasegridClient gridLead, UUID id, EvaluationScore score) throws ApiException {
		gridLead.awaitTask(id, "Task_ReturnVisit");
		gridLead.feedback.evaluateCase(id, new Evaluation().score(score));
	}

	private static Map<String, ReportFigure> byKey(UnitReport report) {
		return report.getFigures().stream().collect(Collectors.toMap(ReportFigure::getKey, Function.identity()));
	}

	private static Double value(Map<String, ReportFigure> figures, String key) {
		return figures.get(key).getValue() == null ? null : figures.get(key).getValue().doubleValue();
	}

	private static void assertRate(ReportFigure rate, long numerator, long denominator, Double percent) {
		assertThat(rate.getNumerator()).as(rate.getKey()).isEqualTo(numerator);
		assertThat(rate.getDenominator()).as(rate.getKey()).isEqualTo(denominator);
		assertThat(rate.getValue() == null ? null : rate.getValue().doubleValue()).as(rate.getKey()).isEqualTo(percent);
	}

}
