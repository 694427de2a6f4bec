package io.casegrid.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.MonthlyReportView;
import io.casegrid.client.model.ReportFigure;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A monthly 专报 as leaders read it: JSON, the Excel workbook opened with Apache POI, the printable HTML; drafts
 * only for the county centre.
 */
@HttpTest
class MonthlyReportHttpTests {


	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MonthlyReports reports;

	@Autowired
	UnitReports figures;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void thePublishedReportsWorkbookHoldsTheSameFiguresOneSheetPerTable() throws Exception {
		MonthlyReport published = publishedReport();
		MonthlyReportView view = new CasegridClient(port, DemoUsers.SUPERVISOR).reports
			.getMonthlyReport(published.id());
		assertThat(view.getReport().getContentHash()).isEqualTo(published.contentHash());

		HttpResponse<byte[]> response = get("/api/v1/reports/monthly/" + published.id() + "/workbook",
				DemoUsers.SUPERVISOR);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = book.getSheet(ReportWorkbook.FIGURES_SHEET);
			Map<String, Double> inSheet = new HashMap<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 1 && row.getCell(2) != null) {
					inSheet.put(row.getCell(0).getStringCellValue(), row.getCell(2).getNumericCellValue());
				}
			}
			for (ReportFigure figure : view.getFigures().getFigures()) {
				if (figure.getValue() != null) {
					assertThat(inSheet.get(figure.getKey())).as(figure.getKey())
						.isEqualTo(figure.getValue().doubleValue());
				}
			}
			assertThat(inSheet).containsKey("received");
			for (var table : view.getFigures().getTables()) {
				Sheet tableSheet = book.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(table.getTitle()));
				assertThat(tableSheet).as(table.getTitle()).isNotNull();
				assertThat(tableSheet.getLastRowNum()).as(table.getTitle()).isEqualTo(table.getRows().size());
			}
			Sheet townships = book.getSheet(ReportWorkbook.TOWNSHIPS_SHEET);
			assertThat(townships.getRow(1).getCell(1).getStringCellValue())
				.isEqualTo(view.getTownships().get(0).getAssessment().getUnitCode());
			assertThat(townships.getRow(1).getCell(5).getNumericCellValue())
				.isEqualTo(view.getTownships().get(0).getAssessment().getScore().doubleValue());
		}
	}

	@Test
	void thePrintableReportShowsTheFiguresAndItsCharts() throws Exception {
		MonthlyReport published = publishedReport();
		MonthlyReportView view = new CasegridClient(port, DemoUsers.CENTRE).reports.getMonthlyReport(published.id());
		HttpResponse<byte[]> response = get("/api/v1/reports/monthly/" + published.id() + "/document", DemoUsers.CENTRE);
		assertThat(response.statusCode()).isEqualTo(200);
		String html = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		YearMonth month = figures.currentMonth();
		assertThat(html).contains("云岭县 " + month.getYear() + "年" + month.getMonthValue() + "月 接诉即办专报", "受理件数", "满意率", "按期办结率", "部门考核得分",
				published.contentHash());
		assertThat(html.split("<svg", -1)).hasSize(5);
		ReportFigure received = view.getFigures().getFigures().stream().filter(f -> f.getKey().equals("received"))
			.findFirst().orElseThrow();
		assertThat(html).contains("<td>受理件数</td><td class=\"n\">" + received.getValue().longValue() + "</td>");
		// for the eye: target/report-sample.html, rendered to PNG with headless Chromium (docs/reports/)
		Files.writeString(Path.of("target/report-sample.html"), html);
	}

	@Test
	void aDraftIsTheCountyCentresAloneUntilPublished() throws Exception {
		MonthlyReport draft = reports.compute(DemoCounty.COUNTY, YearMonth.of(2025, 4), null);
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		CasegridClient supervisor = new CasegridClient(port, DemoUsers.SUPERVISOR);
		assertThat(centre.reports.getMonthlyReport(draft.id()).getReport().getStatus().getValue()).isEqualTo("DRAFT");
		assertThat(CasegridClient.statusOf(() -> supervisor.reports.getMonthlyReport(draft.id()))).isEqualTo(404);
		assertThat(supervisor.reports.listMonthlyReports(DemoCounty.COUNTY, true, 0, 50).getItems())
			.noneMatch(r -> r.getId().equals(draft.id()));
		assertThat(centre.reports.listMonthlyReports(DemoCounty.COUNTY, true, 0, 50).getItems())
			.anyMatch(r -> r.getId().equals(draft.id()));
		assertThat(CasegridClient.statusOf(() -> new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT).reports
			.getMonthlyReport(draft.id()))).isEqualTo(403);
	}

	@Test
	void theReviewOfAMonthlyReportIsATaskCompletedThroughTheTaskEndpointByItsCandidatesWithItsFormsLimits()
			throws Exception {
		ProcessInstance instance = runtime.createProcessInstanceByKey(MonthlyReportProcess.KEY)
			.startBeforeActivity(MonthlyReportProcess.Ids.TASK_COMPUTE)
			.setVariable(MonthlyReportProcess.Vars.MONTH, "2024-05")
			.setVariable(MonthlyReportProcess.Vars.UNIT, DemoCounty.COUNTY)
			.execute();
		org.camunda.bpm.engine.task.Task review = null;
		for (int i = 0; i < 300 && review == null; i++) {
			review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			if (review == null) {
				Thread.sleep(100);
			}
		}
		assertThat(review).as("the review waits once the draft is computed").isNotNull();
		String taskId = review.getId();
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		CasegridClient dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);

		assertThat(CasegridClient.statusOf(() -> dispatcher.tasks.completeTask(taskId,
				new TaskCompletion().outcome("PUBLISH")))).as("not a candidate: the task is hidden").isEqualTo(404);
		ApiException tooLong = CasegridClient.failureOf(() -> centre.tasks.completeTask(taskId,
				new TaskCompletion().outcome("PUBLISH").putFieldsItem("reviewComment", "长".repeat(2001))));
		assertThat(tooLong.getCode()).isEqualTo(400);
		assertThat(tooLong.getResponseBody()).contains("fields.reviewComment");
		centre.tasks.completeTask(taskId, new TaskCompletion().outcome("PUBLISH").putFieldsItem("reviewComment", "同意"));

		MonthlyReport published = reports.published(DemoCounty.COUNTY, YearMonth.of(2024, 5)).orElseThrow();
		assertThat(published.publishedBy()).isEqualTo(DemoUsers.CENTRE);
		assertThat(published.reviewComment()).isEqualTo("同意");
	}

	/** The county's report of this month, whatever the test JVM has recorded in it so far. */
	private MonthlyReport publishedReport() {
		YearMonth month = figures.currentMonth();
		return reports.published(DemoCounty.COUNTY, month).orElseGet(() -> {
			MonthlyReport draft = reports.compute(DemoCounty.COUNTY, month, null);
			return reports.publish(draft.id(), "同意发布", DemoUsers.CENTRE);
		});
	}

	private HttpResponse<byte[]> get(String path, String user) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + TestKeycloak.tokenFor(user))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
