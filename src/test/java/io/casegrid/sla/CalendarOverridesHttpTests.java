package io.casegrid.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.CalendarChange;
import io.casegrid.client.model.CalendarOverride;
import io.casegrid.client.model.CalendarOverrideRequest;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.sla.calendar.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Local calendar days through the admin API: entered and removed with the running clocks and their timer jobs moved
 * in the same call, audited, and refused when the date is bad or the day has an entry already.
 */
@HttpTest
class CalendarOverridesHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	final ObjectMapper json = new ObjectMapper();

	CasegridClient admin;

	CasegridClient gridWorker;

	@BeforeEach
	void connect() {
		admin = new CasegridClient(port, DemoUsers.ADMIN);
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
	}

	@Test
	void anExtraDayOffInARunningClocksWindowMovesItsDueAndTimerJobByAWorkingDayAndRemovingItMovesThemBack()
			throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		SlaClockView clock = runningHandlingClock(caseId);
		PendingTimer breach = timerDueAt(caseId, clock.getDueAt());
		LocalDate dueDay = clock.getDueAt().atZoneSameInstant(calendar.zone()).toLocalDate();

		CalendarChange added;
		try {
			added = admin.calendar.addCalendarOverride(
					new CalendarOverrideRequest().day(dueDay).working(false).reason("县人民政府通知：全县放假一天（测试）"));

			SlaClockView moved = clockById(caseId, clock.getId());
			assertThat(moved.getDueAt().atZoneSameInstant(calendar.zone()).toLocalDate())
				.as("due on the next working day after the day off")
				.isEqualTo(nextWorkingDayAfter(dueDay));
			assertThat(timerById(caseId, breach.getJobId()).getDueAt()).isEqualTo(moved.getDueAt());
		}
		finally {
			removeQuietly(dueDay);
		}
		assertThat(added.getAction()).isEqualTo(CalendarChange.ActionEnum.ADDED);
		assertThat(added.getMovedClocks()).isPositive();
		assertThat(clockById(caseId, clock.getId()).getDueAt()).isEqualTo(clock.getDueAt());
		assertThat(timerById(caseId, breach.getJobId()).getDueAt()).isEqualTo(clock.getDueAt());
	}

	@Test
	void everyAddAndRemoveIsAuditedWithWhoWhenWhatAndWhy() throws Exception {
		LocalDate saturday = nextDay(d -> d.getDayOfWeek().getValue() == 6 && !calendar.isWorkingDay(d));
		admin.calendar.addCalendarOverride(
				new CalendarOverrideRequest().day(saturday).working(true).reason("迎检，周六上班（测试）"));
		assertThat(admin.calendar.listCalendarOverrides(saturday, saturday)).singleElement().satisfies(day -> {
			assertThat(day.getWorking()).isTrue();
			assertThat(day.getCreatedBy()).isEqualTo(DemoUsers.ADMIN);
		});
		CalendarChange removed = admin.calendar.removeCalendarOverride(saturday, "迎检取消");

		assertThat(removed.getWorking()).as("what the day had been").isTrue();
		assertThat(admin.calendar.listCalendarOverrides(saturday, saturday)).isEmpty();
		assertThat(admin.calendar.listCalendarChanges(0, 2).getItems())
			.extracting(CalendarChange::getAction, CalendarChange::getDay, CalendarChange::getActor,
					CalendarChange::getReason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(CalendarChange.ActionEnum.REMOVED, saturday, DemoUsers.ADMIN,
							"迎检取消"),
					org.assertj.core.groups.Tuple.tuple(CalendarChange.ActionEnum.ADDED, saturday, DemoUsers.ADMIN,
							"迎检，周六上班（测试）"));
	}

	@Test
	void anEntryAndItsChangeNameWhoMadeThemBesideTheLoginId() throws Exception {
		LocalDate sunday = nextDay(d -> d.getDayOfWeek().getValue() == 7 && !calendar.isWorkingDay(d));
		admin.calendar.addCalendarOverride(
				new CalendarOverrideRequest().day(sunday).working(true).reason("迎检，周日上班（测试）"));
		try {
			assertThat(admin.calendar.listCalendarOverrides(sunday, sunday)).singleElement()
				.satisfies(day -> assertThat(day.getCreatedByName()).isEqualTo("何勇"));
			assertThat(admin.calendar.listCalendarChanges(0, 1).getItems()).singleElement().satisfies(change -> {
				assertThat(change.getActor()).isEqualTo(DemoUsers.ADMIN);
				assertThat(change.getActorName()).isEqualTo("何勇");
			});
		}
		finally {
			removeQuietly(sunday);
		}
	}

	@Test
	void aDayThatHasAnEntryAlreadyIsAConflict() throws Exception {
		LocalDate day = nextDay(calendar::isWorkingDay);
		admin.calendar.addCalendarOverride(new CalendarOverrideRequest().day(day).working(false).reason("放假"));
		try {
			assertThat(CasegridClient.statusOf(() -> admin.calendar.addCalendarOverride(
					new CalendarOverrideRequest().day(day).working(false).reason("又放假"))))
				.isEqualTo(409);
		}
		finally {
			removeQuietly(day);
		}
	}

	@Test
	void badDatesAreRefusedNamingTheField() throws Exception {
		var body = admin.post("/api/v1/calendar/overrides", """
				{"day": "2026-02-30", "working": false, "reason": "放假"}""");
		assertThat(body.statusCode()).isEqualTo(400);
		assertThat(json.readTree(body.body()).path("errors").findValuesAsText("field")).containsExactly("day");

		var path = admin.send("DELETE", "/api/v1/calendar/overrides/2026-13-01?reason=x", null);
		assertThat(path.statusCode()).isEqualTo(400);
		assertThat(json.readTree(path.body()).path("errors").findValuesAsText("field")).containsExactly("day");
	}

	@Test
	void aDayOffOnADayThatIsOffAlreadyIsRefusedNamingWorking() throws Exception {
		LocalDate sunday = nextDay(d -> d.getDayOfWeek().getValue() == 7 && !calendar.isWorkingDay(d));
		ApiException refused = CasegridClient.failureOf(() -> admin.calendar
			.addCalendarOverride(new CalendarOverrideRequest().day(sunday).working(false).reason("放假")));
		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(json.readTree(refused.getResponseBody()).path("errors").findValuesAsText("field"))
			.containsExactly("working");
	}

	@Test
	void removingADayWithoutAnEntryIsNotFound() {
		LocalDate day = nextDay(d -> true).plusYears(1);
		assertThat(CasegridClient.statusOf(() -> admin.calendar.removeCalendarOverride(day, "撤回"))).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsChangeTheCalendar() {
		LocalDate day = nextDay(calendar::isWorkingDay);
		assertThat(CasegridClient.statusOf(() -> gridWorker.calendar
			.addCalendarOverride(new CalendarOverrideRequest().day(day).working(false).reason("放假"))))
			.isEqualTo(403);
		assertThat(CasegridClient.statusOf(
				() -> new CasegridClient(port, DemoUsers.CENTRE).calendar.removeCalendarOverride(day, "撤回")))
			.isEqualTo(403);
	}

	private SlaClockView runningHandlingClock(UUID caseId) throws ApiException {
		return admin.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> c.getPhase().getValue().equals("HANDLING") && c.getStoppedAt() == null)
			.filter(c -> c.getCounting() == SlaClockView.CountingEnum.WORKING)
			.findFirst()
			.orElseThrow();
	}

	private SlaClockView clockById(UUID caseId, UUID clockId) throws ApiException {
		return admin.sla.getCaseSla(caseId)
			.getClocks()
			.stream()
			.filter(c -> c.getId().equals(clockId))
			.findFirst()
			.orElseThrow();
	}

	private PendingTimer timerDueAt(UUID caseId, OffsetDateTime due) throws ApiException {
		return admin.escalation.getCaseTimers(caseId)
			.stream()
			.filter(t -> t.getDueAt().isEqual(due))
			.findFirst()
			.orElseThrow();
	}

	private PendingTimer timerById(UUID caseId, String jobId) throws ApiException {
		return admin.escalation.getCaseTimers(caseId)
			.stream()
			.filter(t -> t.getJobId().equals(jobId))
			.findFirst()
			.orElseThrow();
	}

	private LocalDate nextWorkingDayAfter(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!calendar.isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	/** The first day from a month on that matches, well away from the clocks other tests start. */
	private LocalDate nextDay(java.util.function.Predicate<LocalDate> matching) {
		LocalDate day = LocalDate.now(calendar.zone()).plusMonths(1);
		while (!matching.test(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	private void removeQuietly(LocalDate day) throws Exception {
		admin.send("DELETE", "/api/v1/calendar/overrides/" + day + "?reason=cleanup", null);
	}

}
