package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Event;
import io.casegrid.client.model.EventPage;
import io.casegrid.client.model.EventType;
import io.casegrid.reports.MonthlyReport;
import io.casegrid.reports.MonthlyReports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A published monthly 专报 is an event about a unit, not a case: the county's leaders are told by e-mail, and the
 * change feed gives it to readers whose org units cover the report's unit — the county centre — and not to a
 * township's dispatcher.
 */
@HttpTest
class ReportPublishedNotificationHttpTests {

	private static final YearMonth MONTH = YearMonth.of(2024, 8);

	@LocalServerPort
	int port;

	@Autowired
	MonthlyReports reports;

	@Test
	void thePublishedReportReachesTheCountyLeadersByMailAndTheCentresFeedButNotATownshipsFeed() throws Exception {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		CasegridClient township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		MonthlyReport draft = reports.compute(DemoCounty.COUNTY, MONTH, null);
		reports.publish(draft.id(), "同意发布", DemoUsers.CENTRE);

		String subject = "专报已发布：" + MONTH;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PeopleNotificationsHttpTests.mailsTo("leader@casegrid.example")
				.stream()
				.anyMatch(mail -> subject.equals(PeopleNotificationsHttpTests.subject(mail))));
		assertThat(PeopleNotificationsHttpTests.mailsTo("centre@casegrid.example"))
			.noneMatch(mail -> subject.equals(PeopleNotificationsHttpTests.subject(mail)));
		String reportId = draft.id().toString();
		Event event = await().atMost(Duration.ofSeconds(30))
			.until(() -> published(centre).stream().filter(e -> reportId.equals(e.getData().getDetails().get("reportId")))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(event.getUnitCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(event.getCaseId()).isNull();
		assertThat(event.getData().getDetails()).containsEntry("month", MONTH.toString()).containsEntry("version", "1");
		assertThat(published(township)).extracting(Event::getUnitCode).doesNotContain(DemoCounty.COUNTY);
	}

	/** Every report.published event the reader's feed gives, oldest first. */
	private static List<Event> published(CasegridClient reader) throws Exception {
		List<Event> all = new ArrayList<>();
		String cursor = null;
		while (true) {
			EventPage page = reader.events.listEvents(cursor, List.of(EventType.REPORT_PUBLISHED), 100);
			all.addAll(page.getItems());
			if (page.getItems().isEmpty() || page.getNext() == null || page.getNext().equals(cursor)) {
				return all;
			}
			cursor = page.getNext();
		}
	}

}
