package io.casegrid.console;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.AttachmentTag;
import io.casegrid.client.model.CaseAttachment;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.MediationRecord;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.UnitReport;
import io.casegrid.identity.TestKeycloak;
import io.casegrid.reports.MonthlyReports;
import io.casegrid.reports.UnitReports;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real Chromium, signed in on Keycloak's login page, against the whole service: what the people it
 * is for do with it. Run with {@code -Dconsole.screenshots=docs/console} to write each page's screenshots.
 */
@HttpTest
class ConsoleBrowserTests {

	/** 东关社区第二网格: beside grid-dg1's own grid. */
	static final String GRID_DONGGUAN_2 = "149901001001002";

	/** 河西镇: another township than dispatcher-cg's. */
	static final String HEXI = "149901102";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	UnitReports unitReports;

	@Autowired
	MonthlyReports monthlyReports;

	ConsoleBrowser browser;

	@BeforeEach
	void open() {
		browser = new ConsoleBrowser(port);
		browser.size(ConsoleBrowser.DESKTOP);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void gridWorkerReportsACaseWithAPhotoOnAPhoneSizedWindowIntoTheirOwnGrid() throws Exception {
		browser.size(ConsoleBrowser.PHONE);
		browser.signInAs(DemoUsers.GRID_WORKER_DONGGUAN_1, "#/report");
		assertThat(browser.viewportWidth()).isEqualTo(390);
		assertThat(browser.find("select[data-level=GRID]").getAttribute("value"))
			.as("the place starts at the grid worker's own grid").isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		browser.screenshots("report");

		browser.click("#report button[type=submit]");
		assertThat(browser.find("[data-error-for=title]").getText()).as("a required field left empty is named")
			.isEqualTo("此项必填");

		browser.choose("select[name=categoryCode]", "FLY_WIRE_CHARGING");
		browser.type("input[name=address]", "东关社区3号楼");
		String title = "飞线充电 " + UUID.randomUUID().toString().substring(0, 8);
		browser.type("input[name=title]", title);
		browser.type("textarea[name=description]", "3号楼一单元有住户从窗口拉电线给电动车充电。");
		browser.choose("select[data-level=GRID]", GRID_DONGGUAN_2);
		browser.click("#report button[type=submit]");
		assertThat(browser.find("[data-error-for='location.unitCode']").getText())
			.as("another grid is refused by the API (403 naming location.unitCode), shown on the place")
			.contains(DemoCounty.GRID_DONGGUAN_1);

		browser.choose("select[data-level=GRID]", DemoCounty.GRID_DONGGUAN_1);
		browser.find("input[name=photos]").sendKeys(photo().toString());
		browser.click("#report button[type=submit]");

		String caseNumber = browser.find("dl.facts[data-case-number]").getAttribute("data-case-number");
		UUID caseId = UUID.fromString(browser.waitFor(d -> d.getCurrentUrl().contains("#/case/") ? d.getCurrentUrl() : null)
			.replaceAll(".*#/case/", ""));
		CaseDetail reported = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).cases.getCase(caseId);
		assertThat(reported.getCaseNumber()).isEqualTo(caseNumber);
		assertThat(reported.getTitle()).isEqualTo(title);
		assertThat(reported.getChannel()).isEqualTo(Channel.GRID_REPORT);
		assertThat(reported.getLocation().getUnitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		CaseAttachment photo = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).attachments
			.listAttachments(caseId)
			.getItems()
			.get(0);
		assertThat(photo.getName()).isEqualTo("飞线.jpg");
		assertThat(photo.getTag()).isEqualTo(AttachmentTag.BEFORE);
		Boolean thumbnailShown = browser.waitFor(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
				"const img = document.querySelector('#photos img'); return !!img && img.complete && img.naturalWidth > 0"));
		assertThat(thumbnailShown).as("the case shows the photo's thumbnail, read through the API").isTrue();
	}

	/** A small JPEG as a phone's camera would hand it over. */
	private static Path photo() throws Exception {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(100, 100, 300, 200);
		g.dispose();
		Path file = Files.createTempDirectory("console-photo").resolve("飞线.jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	@Test
	void villageMediatorRecordsASessionAndSettlesTheDisputeThroughTheRenderedForms() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient mediator = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：雨棚挡光")
			.description("王某在5号楼前搭建雨棚，挡住李某家采光，双方多次争吵。"), null).getId();
		Task accept = mediator.awaitTask(caseId, "Task_AcceptDispute");

		browser.signInAs(DemoUsers.MEDIATOR_DONGGUAN, "#/tasks");
		browser.find("li[data-task-id='" + accept.getId() + "']");
		browser.screenshots("worklist");
		browser.click("li[data-task-id='" + accept.getId() + "'] a.button");
		browser.click("input[name=outcome][value=ACCEPT]");
		browser.type(".outcome-fields[data-outcome=ACCEPT] [name=parties]", "王某，男，东关社区5号楼\n李某，女，东关社区5号楼");
		browser.type(".outcome-fields[data-outcome=ACCEPT] [name=disputeSummary]", "雨棚挡光");
		browser.click("#complete button[type=submit]");
		browser.find("#done");

		Task village = mediator.awaitTask(caseId, "Task_VillageMediation");
		browser.open("#/task/" + village.getId());
		browser.setValue("#session [name=heldAt]", "2026-11-30T09:00");
		browser.type("#session [name=participants]", "王某、李某、调解员周敏");
		browser.type("#session [name=summary]", "双方陈述，初步同意调整雨棚");
		browser.click("#session button[type=submit]");
		browser.waitFor(d -> d.findElements(By.cssSelector("#mediation .sessions li:not(.muted)")).size() == 1);
		browser.click("input[name=outcome][value=SETTLED]");
		browser.type(".outcome-fields[data-outcome=SETTLED] [name=settlementSummary]", "王某拆除雨棚，李某撤回投诉");
		browser.screenshots("task");
		browser.click("#complete button[type=submit]");
		browser.find("#done");

		Task draft = mediator.awaitTask(caseId, "Task_DraftAgreement");
		browser.open("#/task/" + draft.getId());
		browser.click("input[name=outcome][value=SIGNED]");
		String form = ".outcome-fields[data-outcome=SIGNED] ";
		browser.type(form + "[name=parties]", "王某，男，东关社区5号楼；李某，女，东关社区5号楼");
		browser.click("#complete button[type=submit]");
		assertThat(browser.find(form + "[data-error-for=facts]").getText())
			.as("a field the form marks required is named when left empty").isEqualTo("此项必填");
		assertThat(browser.find(form + "label[for$='-facts'] .required").getText()).isEqualTo("*");
		browser.type(form + "[name=facts]", "王某搭建雨棚遮挡李某采光");
		browser.type(form + "[name=obligations]", "王某于十日内自行拆除雨棚");
		browser.type(form + "[name=performance]", "王某自行拆除，社区网格员到场见证");
		browser.setValue(form + "[name=performBy]", "2026-12-10T17:00");
		assertThat(browser.all(form + "[name=applyJudicialConfirmation] option")).as("the form's labels, not the codes")
			.extracting(WebElement::getText)
			.containsExactly("请选择", "申请", "不申请");
		browser.choose(form + "[name=signaturesConfirmed]", "CONFIRMED");
		browser.choose(form + "[name=applyJudicialConfirmation]", "NO");
		browser.click("#complete button[type=submit]");
		browser.find("#done");

		MediationRecord settled = await().atMost(Duration.ofSeconds(30))
			.until(() -> mediator.mediation.getMediation(caseId), m -> "SETTLED".equals(m.getStatus().getValue()));
		assertThat(settled.getSessions()).singleElement()
			.satisfies(s -> assertThat(s.getParticipants()).isEqualTo("王某、李某、调解员周敏"));
		assertThat(settled.getAgreement()).isNotNull();
		browser.open("#/case/" + caseId);
		assertThat(browser.find("#agreement").getText()).isEqualTo("打印协议书");
		browser.screenshots("case");
	}

	@Test
	void townshipDispatcherSeesACaseTurnRedOnTheBoardWhenItsClockBreaches() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		SlaClockView grid = gridWorker.sla.getCaseSla(caseId).getClocks().stream()
			.filter(c -> c.getPhase() == SlaPhase.HANDLING)
			.findFirst()
			.orElseThrow();

		browser.signInAs(DemoUsers.DISPATCHER_CHENGGUAN, "#/board");
		String row = "#breached li[data-clock-id='" + grid.getId() + "']";
		assertThat(browser.all(row)).as("not breached yet").isEmpty();

		ClockUtil.setCurrentTime(Date.from(grid.getDueAt().toInstant().plusSeconds(1)));
		fireDueTimers(gridWorker, caseId);
		// the board redraws every second: its row is read in one go
		Map<?, ?> red = browser.waitFor(d -> (Map<?, ?>) ((JavascriptExecutor) d).executeScript("""
				const row = document.querySelector(arguments[0]);
				return row && {state: row.dataset.state, badge: row.querySelector('.sla').textContent,
					edge: getComputedStyle(row).borderLeftColor};
				""", row));
		assertThat(red.get("state")).as("the board asked again by itself").isEqualTo(ClockState.BREACHED.getValue());
		assertThat((String) red.get("badge")).startsWith("已超时");
		assertThat(red.get("edge")).as("red").isEqualTo("rgb(180, 35, 24)");
		browser.screenshots("board");

		browser.click(row);
		assertThat(browser.find("dl.facts").getAttribute("data-case-number"))
			.isEqualTo(gridWorker.cases.getCase(caseId).getCaseNumber());
	}

	@Test
	void gridWorkerSeesTheTimeLeftOnTheServersClockNotTheBrowsers() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		Task task = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		// the service's clock is 25 minutes before the due time; the browser's is still the real one
		ClockUtil.setCurrentTime(Date.from(task.getDue().toInstant().minus(Duration.ofMinutes(25))));

		browser.signInAs(DemoUsers.GRID_WORKER_DONGGUAN_1, "#/tasks");
		assertThat(browser.find("li[data-task-id='" + task.getId() + "'] .sla").getText()).endsWith(" · 剩25分");
		browser.open("#/task/" + task.getId());
		assertThat(browser.find("h1 + .card-meta .sla").getText()).endsWith(" · 剩25分");
	}

	@Test
	void adminReadsCockpitsDashboardAndAdminsUserListInChinese() {
		browser.signInToWebapp(DemoUsers.ADMIN, "/camunda/app/cockpit/default/#/dashboard", TestKeycloak.issuer(),
				"运行中的流程实例");
		assertThat(browser.bodyText()).contains("流程定义", "未处理的事故")
			.doesNotContain("Running Process Instances", "Open Incidents", "Process Definitions");
		browser.screenshots("cockpit-dashboard");

		browser.openWebapp("/camunda/app/admin/default/#/users", "用户列表");
		assertThat(browser.bodyText()).contains("添加用户").doesNotContain("List of users", "Add user");
		browser.screenshots("admin-users");
	}

	@Test
	void countyUserOpensTheMapDrawnFromTheOrgRegistryWithoutTiles() {
		browser.signInAs(DemoUsers.CENTRE, "#/map");
		assertThat(browser.find("#map-note").getText()).startsWith("离线底图");
		browser.waitFor(d -> d.findElements(By.cssSelector("#map path.leaflet-interactive")).size() > 10);
		assertThat(browser.find("#map").getAttribute("data-units")).isNotEqualTo("0");
		assertThat(browser.find("#map .leaflet-tooltip-pane").getText()).contains("城关街道", "河西镇");
		browser.screenshots("map");
	}

	@Test
	void countyUserReadsTheMonthsFiguresAndTownshipRankingWhileATownshipDispatcherReadsOnlyTheirOwnTownship()
			throws Exception {
		String month = unitReports.currentMonth().toString();
		YearMonth published = YearMonth.of(2025, 10);
		monthlyReports.published(DemoCounty.COUNTY, published).orElseGet(() -> monthlyReports.publish(
				monthlyReports.compute(DemoCounty.COUNTY, published, null).id(), "同意发布", DemoUsers.CENTRE));
		new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(CasegridClient.flyingWireReport(),
				null);
		UnitReport county = new CasegridClient(port, DemoUsers.CENTRE).reports.getUnitReport(DemoCounty.COUNTY, month,
				null, null);

		browser.signInAs(DemoUsers.CENTRE, "#/reports");
		assertThat(browser.find("#nav a[data-page=reports]").getText()).isEqualTo("报表");
		assertThat(browser.find("#report-filters [name=unit]").getAttribute("value")).isEqualTo(DemoCounty.COUNTY);
		assertThat(browser.find("#report-filters [name=month]").getAttribute("value")).isEqualTo(month);
		assertThat(browser.all("#figures tr[data-key]").stream().limit(3).map(tr -> tr.getAttribute("data-key")))
			.as("三率 first").containsExactly("acceptanceOnTimeRate", "handlingOnTimeRate", "satisfactionRate");
		assertThat(figure(county, "received").getValue().longValue()).as("the case reported above").isPositive();
		assertThat(browser.find("#figures tr[data-key=received] .figure-value").getText())
			.as("the month's figure as the API gives it")
			.isEqualTo(String.valueOf(figure(county, "received").getValue().longValue()));
		assertThat(browser.find("#figures tr[data-key=received] .figure-previous").getText())
			.isEqualTo(String.valueOf(figure(county, "received").getPrevious().longValue()));
		assertThat(browser.all("#categories rect")).as("a bar per category reported").isNotEmpty();
		assertThat(browser.find("#township-ranking-table").getText()).contains("城关街道", "河西镇");
		assertThat(browser.all("#township-ranking a rect")).as("a bar per township").hasSizeGreaterThanOrEqualTo(2);
		assertThat(browser.find("#monthly-reports").getText()).contains(published.toString(), "已发布");
		browser.screenshots("reports");

		browser.click("#township-ranking-table tr[data-code='" + DemoCounty.TOWNSHIP_CHENGGUAN + "'] a");
		assertThat(browser.find("#deductions").getAttribute("data-code")).as("a click opens the township's deductions")
			.isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(browser.find("#unit-report h2").getText()).startsWith("城关街道");

		browser.signInAs(DemoUsers.DISPATCHER_CHENGGUAN, "#/reports");
		// the picker is filled once the org units have come
		browser.waitFor(d -> d.findElements(By.cssSelector("#report-filters [name=unit] option")).size() > 1);
		assertThat(browser.all("#report-filters [name=unit] option").stream().map(o -> o.getAttribute("value")))
			.as("the picker offers the dispatcher's township and the units below it")
			.contains(DemoCounty.TOWNSHIP_CHENGGUAN, DemoCounty.GRID_DONGGUAN_1)
			.allSatisfy(code -> assertThat(code).startsWith(DemoCounty.TOWNSHIP_CHENGGUAN));
		assertThat(browser.find("#figures tr[data-key=received]").isDisplayed()).isTrue();
		assertThat(browser.find("#ranking-note").getText()).as("the county's ranking is refused (403): a note")
			.contains("考核排名仅");
		assertThat(browser.find("#deductions").getAttribute("data-code")).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);

		browser.open("#/reports/" + HEXI + "/" + month);
		assertThat(browser.find("#unit-note").getText()).as("another township is 404 from the API: a note, no figures")
			.isEqualTo("该单位的报表无权查看或单位不存在。");
		assertThat(browser.all("#figures")).isEmpty();
	}

	private static io.casegrid.client.model.ReportFigure figure(UnitReport report, String key) {
		return report.getFigures().stream().filter(f -> key.equals(f.getKey())).findFirst().orElseThrow();
	}

	/** Runs the case's due timers now rather than waiting for the job executor's next acquisition. */
	private void fireDueTimers(CasegridClient client, UUID caseId) throws Exception {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		for (PendingTimer timer : client.escalation.getCaseTimers(caseId)) {
			if (!timer.getDueAt().toInstant().isAfter(now)) {
				try {
					management.executeJob(timer.getJobId());
				}
				catch (ProcessEngineException | org.springframework.dao.OptimisticLockingFailureException ex) {
					// the job executor took it first (its clock update or the engine's job lock came first)
				}
			}
		}
	}

}
