package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.client.model.Event;
import io.casegrid.client.model.EventPage;
import io.casegrid.client.model.EventType;
import io.casegrid.events.EventPosition;
import io.casegrid.events.Outbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox holds exactly the events of committed changes, and the change feed ({@code GET /api/v1/events}) reads
 * it in an order that never changes behind a reader's cursor.
 */
@HttpTest
class OutboxAndFeedHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseFiles files;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	CasegridClient gridWorker;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void anEventOfARolledBackTransactionIsNeverWritten() throws Exception {
		UUID caseId = report();
		String summary = "rolled back " + UUID.randomUUID();

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			files.note(caseId, "tester", TimelineNote.of("REDO", summary).announcing(io.casegrid.events.EventType.CASE_REDO));
			throw new IllegalStateException("the change fails after its event was written");
		})).isInstanceOf(IllegalStateException.class);
		transactions.executeWithoutResult(status -> files.note(caseId, "tester",
				TimelineNote.of("REDO", "committed").announcing(io.casegrid.events.EventType.CASE_REDO)));

		assertThat(jdbc.sql("SELECT payload ->> 'summary' FROM outbox_event WHERE case_id = :id AND type = 'case.redo'")
			.param("id", caseId)
			.query(String.class)
			.list()).containsExactly("committed");
	}

	@Test
	void anEventIsOnlyWrittenInsideTheTransactionOfItsChange() throws Exception {
		UUID caseId = report();
		assertThatThrownBy(() -> outbox.record(io.casegrid.events.EventType.CASE_REDO, caseId, Instant.now(), Map.of()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void theFeedShowsAnEventOnlyOnceNoOlderTransactionCanStillAddOneBeforeIt() throws Exception {
		UUID first = report();
		UUID second = report();
		String start = readAll(null).next();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// an older transaction writes its event (the smaller sequence number) and stays open …
		CompletableFuture<Void> older = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			outbox.record(io.casegrid.events.EventType.CASE_REDO, first, Instant.now(), Map.of());
			written.countDown();
			waitFor(release);
		}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		// … while a younger one commits its own
		transactions.executeWithoutResult(
				status -> outbox.record(io.casegrid.events.EventType.CASE_REDO, second, Instant.now(), Map.of()));

		EventPage whileOpen = centre.events.listEvents(start, List.of(EventType.CASE_REDO), 100);
		assertThat(whileOpen.getItems()).extracting(Event::getCaseId).doesNotContain(second);

		release.countDown();
		older.get(10, TimeUnit.SECONDS);
		List<UUID> redone = await().atMost(Duration.ofSeconds(10))
			.until(() -> centre.events.listEvents(whileOpen.getNext(), List.of(EventType.CASE_REDO), 100)
				.getItems()
				.stream()
				.map(Event::getCaseId)
				.filter(id -> id.equals(first) || id.equals(second))
				.toList(), ids -> ids.size() == 2);
		assertThat(redone).containsExactly(first, second);
	}

	@Test
	void theFeedResumesFromACursorWithoutGapsOrRepeats() throws Exception {
		report();
		report();
		List<Event> inOneGo = readAll(null).events();
		List<Event> inSmallPages = new ArrayList<>();
		String cursor = null;
		while (true) {
			EventPage page = centre.events.listEvents(cursor, List.of(EventType.CASE_REPORTED), 2);
			if (page.getItems().isEmpty()) {
				assertThat(page.getNext()).isEqualTo(cursor == null ? "0.0" : cursor);
				break;
			}
			inSmallPages.addAll(page.getItems());
			cursor = page.getNext();
		}
		// events settled between the two reads come after the first read's end, never in between
		assertThat(inSmallPages.subList(0, inOneGo.size())).extracting(Event::getId)
			.isEqualTo(inOneGo.stream().map(Event::getId).toList());
		assertThat(inSmallPages).extracting(e -> EventPosition.parse(e.getCursor())).isSorted().doesNotHaveDuplicates();

		UUID later = report();
		String resumeFrom = cursor;
		List<Event> news = await().atMost(Duration.ofSeconds(10))
			.until(() -> centre.events.listEvents(resumeFrom, List.of(EventType.CASE_REPORTED), 100).getItems(),
					items -> !items.isEmpty());
		assertThat(news).extracting(Event::getCaseId).containsExactly(later);
	}

	@Test
	void theFeedOfAnAppHoldsOnlyTheCasesItMayRead() throws Exception {
		UUID staffCase = report();
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> readAll(null).events().stream().anyMatch(e -> e.getCaseId().equals(staffCase)));
		List<Event> hotlines = new ArrayList<>();
		String cursor = null;
		for (EventPage page; !(page = hotline.events.listEvents(cursor, null, 500)).getItems().isEmpty();) {
			hotlines.addAll(page.getItems());
			cursor = page.getNext();
		}
		assertThat(hotlines).extracting(Event::getCaseId).doesNotContain(staffCase);
	}

	@Test
	void casesUpdatedSinceAnInstantAreThoseWithATimelineEntrySince() throws Exception {
		UUID before = report();
		// the case's process files and dispatches it after intake; once it waits in the grid's worklist, it rests
		gridWorker.awaitTask(before, "Task_HandleAtLevel");
		Thread.sleep(50);
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC);
		UUID after = report();
		List<UUID> changed = centre.cases.listCases(null, null, null, null, null, null, since, 0, 200)
			.getItems()
			.stream()
			.map(c -> c.getId())
			.toList();
		assertThat(changed).contains(after).doesNotContain(before);
	}

	private record Read(List<Event> events, String next) {
	}

	private Read readAll(String after) throws Exception {
		List<Event> events = new ArrayList<>();
		String cursor = after;
		while (true) {
			EventPage page = centre.events.listEvents(cursor, List.of(EventType.CASE_REPORTED), 500);
			events.addAll(page.getItems());
			cursor = page.getNext();
			if (page.getItems().isEmpty()) {
				return new Read(events, cursor);
			}
		}
	}

	private UUID report() throws Exception {
		return gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), UUID.randomUUID().toString()).getId();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
