package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CalendarOverrideRequest;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.DepartmentWithdrawalRequest;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.Event;
import io.casegrid.client.model.EventPage;
import io.casegrid.client.model.EventType;
import io.casegrid.client.model.NewWhistleApplication;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WhistleApplication;
import io.casegrid.client.model.WhistleApplicationDecline;
import io.casegrid.client.model.WhistleJudgement;
import io.casegrid.client.model.WhistleJudgementRequest;
import io.casegrid.client.model.WhistleRequest;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalogue's events of 吹哨申请, the judgement of a whistle, 撤回, 评价后回访 and calendar changes, as an app reads
 * them from the change feed after the change that announced them.
 */
@HttpTest
class CatalogueEventsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void aWhistleApplicationAndItsDeclineReachTheChangeFeed() throws Exception {
		CasegridClient app = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
		CasegridClient township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		UUID caseId = app.intake.reportCase(CasegridClient.flyingWireReport().channel(Channel.RESIDENT_APP), null)
			.getId();
		WhistleApplication applied = app.whistleApplications.applyForWhistle(caseId,
				new NewWhistleApplication().departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT))
					.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
					.reason("楼下飞线很危险"));
		township.whistleApplications.declineWhistleApplication(applied.getId(),
				new WhistleApplicationDecline().reason("网格员可当场处置"));

		List<Event> events = awaitEvents(app, caseId, 2, EventType.WHISTLE_APPLIED, EventType.WHISTLE_DECLINED);

		assertThat(events).extracting(Event::getType)
			.containsExactly(EventType.WHISTLE_APPLIED, EventType.WHISTLE_DECLINED);
		assertThat(events.get(0).getData().getDetails()).containsEntry("applicationId", applied.getId().toString())
			.containsEntry("departments", DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(events.get(1).getData().getDetails()).containsEntry("applicationId", applied.getId().toString())
			.containsEntry("reason", "网格员可当场处置");
	}

	@Test
	void aWhistlesJudgementAndAWithdrawnDepartmentReachTheChangeFeed() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		gridWorker.escalation.escalateCase(caseId, new EscalationRequest().reason("需街道吹哨"));
		township.awaitTask(caseId, "Task_HandleAtLevel");
		township.whistle.whistleDepartments(caseId, new WhistleRequest()
			.departments(List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT, DemoCounty.DEPARTMENT_HOUSING))
			.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));
		new CasegridClient(port, DemoUsers.OFFICER_HOUSING).awaitTask(caseId, "Task_Acknowledge");
		UUID whistleId = township.whistle.listCaseWhistles(caseId, 0, 20).getItems().get(0).getId();

		township.whistle.judgeWhistle(whistleId,
				new WhistleJudgementRequest().judgement(WhistleJudgement.PROPER).reason("违章搭建需城管执法"));
		township.whistle.withdrawDepartment(caseId, new DepartmentWithdrawalRequest()
			.departmentCode(DemoCounty.DEPARTMENT_HOUSING)
			.reason("飞线不涉及房屋安全，误召集"));

		List<Event> events = awaitEvents(township, caseId, 2, EventType.WHISTLE_JUDGED, EventType.DEPARTMENT_WITHDRAWN);
		assertThat(events).extracting(Event::getType)
			.containsExactly(EventType.WHISTLE_JUDGED, EventType.DEPARTMENT_WITHDRAWN);
		assertThat(events.get(0).getData().getDetails()).containsEntry("whistleId", whistleId.toString())
			.containsEntry("judgement", "PROPER");
		assertThat(events.get(1).getData().getDetails())
			.containsEntry("departmentCode", DemoCounty.DEPARTMENT_HOUSING);
	}

	@Test
	void aFollowUpVisitRequestedAndCompletedReachesTheChangeFeed() throws Exception {
		CasegridClient app = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		UUID caseId = app.residentsCaseWaitingForEvaluation(gridWorker);
		app.feedback.evaluateCase(caseId, new Evaluation().score(EvaluationScore.DISSATISFIED).comment("飞线又拉上了"));
		Task visit = gridLead.awaitTask(caseId, "Task_FollowUpVisit");
		gridLead.tasks.completeTask(visit.getId(),
				new TaskCompletion().outcome("REACHED").putFieldsItem("visitRecord", "上门核实：飞线已再次拉设"));

		List<Event> events = awaitEvents(app, caseId, 2, EventType.FOLLOW_UP_VISIT_REQUESTED,
				EventType.FOLLOW_UP_VISIT_COMPLETED);
		assertThat(events).extracting(Event::getType)
			.containsExactly(EventType.FOLLOW_UP_VISIT_REQUESTED, EventType.FOLLOW_UP_VISIT_COMPLETED);
		assertThat(events.get(0).getData().getDetails()).containsEntry("returnVisitGroup", DemoCounty.VILLAGE_DONGGUAN);
		assertThat(events.get(1).getData().getDetails()).containsEntry("followUpVisitResult", "REACHED");
	}

	@Test
	void aDayOffThatMovesACasesDueAndItsRemovalReachTheChangeFeedOfThatCase() throws Exception {
		CasegridClient admin = new CasegridClient(port, DemoUsers.ADMIN);
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		SlaClockView clock = gridWorker.sla.getCaseSla(caseId).getClocks().stream()
			.filter(c -> c.getPhase() == SlaPhase.HANDLING)
			.findFirst()
			.orElseThrow();
		LocalDate dueDay = clock.getDueAt().atZoneSameInstant(calendar.zone()).toLocalDate();
		try {
			admin.calendar.addCalendarOverride(
					new CalendarOverrideRequest().day(dueDay).working(false).reason("县人民政府通知：全县放假一天（测试）"));
		}
		finally {
			admin.send("DELETE", "/api/v1/calendar/overrides/" + dueDay + "?reason=cleanup", null);
		}

		List<Event> events = awaitEvents(gridWorker, caseId, 2, EventType.SLA_RECALCULATED);
		assertThat(events).hasSize(2);
		String due = clock.getDueAt().toInstant().toString();
		assertThat(events.get(0).getData().getDetails()).containsEntry("previousDueAt", due)
			.containsEntry("unitCode", DemoCounty.GRID_DONGGUAN_1)
			.containsEntry("phase", "HANDLING");
		assertThat(events.get(1).getData().getDetails()).as("the removal moves it back")
			.containsEntry("previousDueAt", events.get(0).getData().getDetails().get("dueAt"))
			.containsEntry("dueAt", due);
	}

	/** The case's events of these types in the feed, once there are {@code count} of them. */
	private static List<Event> awaitEvents(CasegridClient client, UUID caseId, int count, EventType... types) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Event> ofCase = new ArrayList<>();
			String after = null;
			EventPage page;
			do {
				page = client.events.listEvents(after, List.of(types), 500);
				page.getItems().stream().filter(e -> caseId.equals(e.getCaseId())).forEach(ofCase::add);
				after = page.getNext();
			}
			while (!page.getItems().isEmpty());
			return ofCase;
		}, events -> events.size() >= count);
	}

}
