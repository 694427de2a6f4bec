package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TimelineEntry;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What the API shows beside login ids and unit codes: people's full names and units' names. */
@HttpTest
class NamesBesideIdsHttpTests {

	@LocalServerPort
	int port;

	CasegridClient gridWorker;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
	}

	@Test
	void timelineNamesThePersonWhoActedAndTheSystemBesideTheirIds() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		var timeline = gridWorker.cases.getCase(caseId).getTimeline();

		assertThat(timeline).filteredOn(e -> e.getType().equals("REPORTED"))
			.extracting(TimelineEntry::getActor, TimelineEntry::getActorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DemoUsers.GRID_WORKER_DONGGUAN_1, "王芳"));
		assertThat(timeline).filteredOn(e -> e.getType().equals("FILED"))
			.extracting(TimelineEntry::getActor, TimelineEntry::getActorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("system", "系统"));
	}

	@Test
	void anAppHasNoPersonsNameOnTheTimeline() throws Exception {
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		UUID caseId = hotline.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(io.casegrid.client.model.Channel.HOTLINE_12345), null).getId();

		assertThat(hotline.cases.getCase(caseId).getTimeline()).filteredOn(e -> e.getType().equals("REPORTED"))
			.singleElement()
			.satisfies(reported -> {
				assertThat(reported.getActor()).isEqualTo(DemoUsers.HOTLINE);
				assertThat(reported.getActorName()).isNull();
			});
	}

	@Test
	void aClaimedTaskNamesItsAssigneeBesideTheLoginId() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		Task claimed = gridWorker.tasks.claimTask(handle.getId());

		assertThat(claimed.getAssignee()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(claimed.getAssigneeName()).isEqualTo("王芳");
		assertThat(gridWorker.tasks.getTask(handle.getId()).getAssigneeName()).isEqualTo("王芳");
	}

	@Test
	void slaClocksAndTheCaseNameTheirUnitAndDepartmentBesideTheCodes() throws Exception {
		UUID grid = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(grid, "Task_HandleAtLevel");
		UUID department = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.categoryCode("MANHOLE_COVER")
			.title("井盖丢失")
			.description("路口井盖丢失"), null).getId();

		assertThat(gridWorker.sla.getCaseSla(grid).getClocks()).filteredOn(c -> c.getPhase().getValue().equals("HANDLING"))
			.extracting(SlaClockView::getUnitCode, SlaClockView::getUnitName)
			.contains(org.assertj.core.groups.Tuple.tuple(DemoCounty.GRID_DONGGUAN_1, "东关社区第一网格"));
		var manhole = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> gridWorker.cases.getCase(department), c -> c.getDepartmentCode() != null);
		assertThat(manhole.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(manhole.getDepartmentName()).isEqualTo("县城市管理局");
	}

	@Test
	void aCaseNamesThePlaceWhereItHappenedBesideItsUnitCode() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();

		var location = gridWorker.cases.getCase(caseId).getLocation();

		assertThat(location.getUnitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(location.getUnitName()).isEqualTo("东关社区第一网格");
	}

	@Test
	void anEscalationNamesTheUnitsItMovesTheCaseBetweenBesideTheirCodes() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		var escalation = gridWorker.escalation.escalateCase(caseId,
				new io.casegrid.client.model.EscalationRequest().reason("需街道协调"));

		assertThat(escalation.getFromUnit()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(escalation.getFromUnitName()).isEqualTo("东关社区第一网格");
		assertThat(escalation.getToUnit()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(escalation.getToUnitName()).isEqualTo("城关街道");
	}

	@Test
	void aReplyToTheReporterNamesWhoRepliedBesideTheLoginId() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		var reply = gridWorker.feedback.replyToReporter(caseId,
				new io.casegrid.client.model.ReplyRequest().text("已联系供电所，明日上午处理"));

		assertThat(reply.getRepliedBy()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(reply.getRepliedByName()).isEqualTo("王芳");
	}

	@Test
	void anEscalationAndTheClockItStoppedNameWhoEscalatedBesideTheLoginId() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");

		var escalation = gridWorker.escalation.escalateCase(caseId,
				new io.casegrid.client.model.EscalationRequest().reason("需街道协调"));

		assertThat(escalation.getActor()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(escalation.getActorName()).isEqualTo("王芳");
		SlaClockView gridClock = gridWorker.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> DemoCounty.GRID_DONGGUAN_1.equals(c.getUnitCode()) && c.getStoppedAt() != null)
			.findFirst()
			.orElseThrow();
		assertThat(gridClock.getHistory()).extracting(e -> e.getActor(), e -> e.getActorName())
			.contains(org.assertj.core.groups.Tuple.tuple(DemoUsers.GRID_WORKER_DONGGUAN_1, "王芳"))
			.allSatisfy(actorAndName -> {
				if ("system".equals(actorAndName.toList().get(0))) {
					assertThat(actorAndName.toList().get(1)).isEqualTo("系统");
				}
			});
	}

}
