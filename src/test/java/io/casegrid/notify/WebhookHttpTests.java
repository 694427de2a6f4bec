package io.casegrid.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.EventType;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.WebhookDelivery;
import io.casegrid.client.model.WebhookDeliveryStatus;
import io.casegrid.client.model.WebhookSubscription;
import io.casegrid.client.model.WebhookSubscriptionRequest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhooks as the 12345 hotline and a third-party app receive them: a real HTTP receiver on a local port, the
 * subscription made through the API, every delivery checked against the Standard Webhooks signature. Retries and
 * the dead letter run on the tests' short back-off (casegrid.webhooks in the tests' application.yml).
 */
@HttpTest
class WebhookHttpTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	CasegridClient hotline;

	CasegridClient thirdPartyApp;

	/** What each test subscribed, unsubscribed after it so no receiver that is gone keeps being tried. */
	final List<Runnable> unsubscribe = new java.util.ArrayList<>();

	@BeforeEach
	void connect() {
		hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		thirdPartyApp = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
	}

	@AfterEach
	void unsubscribe() {
		unsubscribe.forEach(Runnable::run);
	}

	private WebhookSubscription subscribe(CasegridClient app, WebhookSubscriptionRequest request) throws Exception {
		WebhookSubscription created = app.webhooks.createWebhookSubscription(request);
		unsubscribe.add(() -> {
			try {
				app.webhooks.deleteWebhookSubscription(created.getId());
			}
			catch (io.casegrid.client.ApiException ex) {
				// deleted by the test itself
			}
		});
		return created;
	}

	@Test
	void aCaseWholeLifeReachesTheHotlinesSubscriptionInOrderEachDeliverySigned() throws Exception {
		CasegridClient dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookSubscription subscription = subscribe(hotline, new WebhookSubscriptionRequest().url(receiver.url()));
			assertThat(subscription.getSecret()).startsWith("whsec_");

			UUID caseId = hotline.intake
				.reportCase(CasegridClient.reportNeedingTriage().channel(Channel.HOTLINE_12345), UUID.randomUUID().toString())
				.getId();
			Task dispatch = dispatcher.awaitTask(caseId, "Task_Dispatch");
			dispatcher.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("DISPATCH")
				.putFieldsItem("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1));
			Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
			gridWorker.tasks.claimTask(handle.getId());
			gridWorker.tasks.completeTask(handle.getId(),
					new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线"));
			gridLead.awaitTask(caseId, "Task_ReturnVisit");
			gridLead.feedback.evaluateCase(caseId, new Evaluation().score(EvaluationScore.SATISFIED));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> hotline.cases.getCase(caseId).getStep(), step -> step == CaseStep.ARCHIVED);

			List<WebhookReceiver.Received> ofCase = await().atMost(Duration.ofSeconds(30))
				.until(() -> receivedFor(receiver, caseId), got -> got.stream().anyMatch(r -> type(r).equals("case.archived")));
			assertThat(ofCase).extracting(WebhookHttpTests::type)
				.containsExactly("case.reported", "case.filed", "task.assigned", "case.dispatched", "task.assigned",
						"task.signed-for", "case.resolved", "evaluation.requested", "task.assigned",
						"evaluation.received", "case.archived");
			for (WebhookReceiver.Received delivery : ofCase) {
				assertThat(delivery.verifiesWith(subscription.getSecret())).as("signature of %s", delivery.id())
					.isTrue();
				assertThat(JSON.readTree(delivery.body()).get("id").asText()).isEqualTo(delivery.id());
			}
			assertThat(ofCase).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
			JsonNode dispatched = JSON.readTree(ofCase.get(3).body());
			assertThat(dispatched.at("/data/details/handlingUnitCode").asText()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
			assertThat(dispatched.get("caseNumber").asText()).isEqualTo(hotline.cases.getCase(caseId).getCaseNumber());
			assertThat(JSON.readTree(ofCase.get(2).body()).at("/data/candidateGroups/0").asText()).isEqualTo("dispatcher");
		}
	}

	@Test
	void aReceiverAnswering500TwiceThen200GetsTheSameWebhookIdThreeTimesAndNothingMore() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver().answering(500, 500)) {
			WebhookSubscription subscription = subscribe(hotline,
					new WebhookSubscriptionRequest().url(receiver.url()).addEventTypesItem(EventType.CASE_REPORTED));
			UUID caseId = reportAsHotline();

			await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(receiver, caseId).size() >= 3);
			Thread.sleep(2_000); // longer than the tests' longest back-off: a fourth attempt would have come
			List<WebhookReceiver.Received> attempts = receivedFor(receiver, caseId);
			assertThat(attempts).hasSize(3);
			assertThat(attempts).extracting(WebhookReceiver.Received::id).containsOnly(attempts.get(0).id());
			List<WebhookDelivery> log = hotline.webhooks
				.listWebhookDeliveries(subscription.getId(), null, 0, 20)
				.getItems();
			assertThat(log).singleElement().satisfies(d -> {
				assertThat(d.getStatus()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
				assertThat(d.getAttempts()).isEqualTo(3);
				assertThat(d.getMessageId()).hasToString(attempts.get(0).id());
			});
		}
	}

	@Test
	void aReceiverDownPastTheRetryPeriodEndsInTheDeadLetterListAndARedeliverCallSucceeds() throws Exception {
		int port;
		try (WebhookReceiver gone = new WebhookReceiver()) {
			port = gone.port();
		}
		WebhookSubscription subscription = subscribe(hotline, new WebhookSubscriptionRequest()
			.url("http://127.0.0.1:" + port + "/hooks")
			.addEventTypesItem(EventType.CASE_REPORTED));
		UUID caseId = reportAsHotline();

		WebhookDelivery dead = await().atMost(Duration.ofSeconds(20))
			.until(() -> hotline.webhooks.listWebhookDeliveries(subscription.getId(), WebhookDeliveryStatus.DEAD, 0, 20)
				.getItems(), items -> !items.isEmpty())
			.get(0);
		assertThat(dead.getAttempts()).isGreaterThan(1);
		assertThat(dead.getLastError()).isNotBlank();

		try (WebhookReceiver back = new WebhookReceiver(port)) {
			WebhookDelivery queued = hotline.webhooks.redeliverWebhook(subscription.getId(), dead.getId());
			assertThat(queued.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
			List<WebhookReceiver.Received> got = await().atMost(Duration.ofSeconds(10))
				.until(() -> receivedFor(back, caseId), r -> !r.isEmpty());
			assertThat(got.get(0).id()).isEqualTo(dead.getMessageId().toString());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> hotline.webhooks.listWebhookDeliveries(subscription.getId(), null, 0, 20).getItems().get(0)
					.getStatus(), status -> status == WebhookDeliveryStatus.DELIVERED);
			assertThat(hotline.webhooks.listWebhookDeliveries(subscription.getId(), WebhookDeliveryStatus.DEAD, 0, 20)
				.getTotal()).isZero();
		}
	}

	@Test
	void thirdPartyAppReceivesNothingOfTheHotlinesCases() throws Exception {
		try (WebhookReceiver hotlines = new WebhookReceiver(); WebhookReceiver apps = new WebhookReceiver()) {
			subscribe(hotline, new WebhookSubscriptionRequest().url(hotlines.url()));
			subscribe(thirdPartyApp, new WebhookSubscriptionRequest().url(apps.url()));
			UUID hotlineCase = reportAsHotline();
			UUID appCase = thirdPartyApp.intake
				.reportCase(CasegridClient.flyingWireReport().channel(Channel.RESIDENT_APP), UUID.randomUUID().toString())
				.getId();

			// the app's own case comes after the hotline's: once the app has it, the hotline's was passed over
			await().atMost(Duration.ofSeconds(15)).until(() -> !receivedFor(apps, appCase).isEmpty());
			await().atMost(Duration.ofSeconds(15)).until(() -> !receivedFor(hotlines, hotlineCase).isEmpty());
			assertThat(receivedFor(apps, hotlineCase)).isEmpty();
			assertThat(receivedFor(hotlines, appCase)).isEmpty();
		}
	}

	@Test
	void aTestMessageIsSignedWithTheRotatedSecretOnly() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookSubscription subscription = subscribe(thirdPartyApp, new WebhookSubscriptionRequest().url(receiver.url()));
			String rotated = thirdPartyApp.webhooks.rotateWebhookSecret(subscription.getId()).getSecret();
			assertThat(rotated).startsWith("whsec_").isNotEqualTo(subscription.getSecret());

			WebhookDelivery test = thirdPartyApp.webhooks.sendTestWebhook(subscription.getId());
			WebhookReceiver.Received got = await().atMost(Duration.ofSeconds(10))
				.until(() -> receiver.received()
					.stream()
					.filter(r -> r.id().equals(test.getMessageId().toString()))
					.findFirst()
					.orElse(null), r -> r != null);
			assertThat(type(got)).isEqualTo("webhook.test");
			assertThat(got.verifiesWith(rotated)).isTrue();
			assertThat(got.verifiesWith(subscription.getSecret())).isFalse();
		}
	}

	@Test
	void anAppSeesAndDeletesOnlyItsOwnSubscriptions() throws Exception {
		WebhookSubscription mine = subscribe(thirdPartyApp, new WebhookSubscriptionRequest().url("https://app.example/hooks"));
		assertThat(thirdPartyApp.webhooks.getWebhookSubscription(mine.getId()).getSecret()).isNull();
		assertThat(CasegridClient.statusOf(() -> hotline.webhooks.getWebhookSubscription(mine.getId()))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> hotline.webhooks.deleteWebhookSubscription(mine.getId())))
			.isEqualTo(404);
		assertThat(hotline.webhooks.listWebhookSubscriptions(0, 200).getItems()).extracting(WebhookSubscription::getId)
			.doesNotContain(mine.getId());
		thirdPartyApp.webhooks.deleteWebhookSubscription(mine.getId());
		assertThat(CasegridClient.statusOf(() -> thirdPartyApp.webhooks.getWebhookSubscription(mine.getId())))
			.isEqualTo(404);
	}

	@Test
	void aSubscriptionToAUrlThatIsNotHttpIsRefusedNamingTheField() throws Exception {
		var response = thirdPartyApp.post("/api/v1/webhooks", "{\"url\":\"ftp://app.example/hooks\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"url\"");
	}

	@Test
	void staffMayNotSubscribe() {
		CasegridClient centre = new CasegridClient(port, DemoUsers.CENTRE);
		assertThat(CasegridClient.statusOf(() -> centre.webhooks
			.createWebhookSubscription(new WebhookSubscriptionRequest().url("https://x.example/h"))))
			.isEqualTo(403);
	}

	private UUID reportAsHotline() throws Exception {
		CaseDetail reported = hotline.intake.reportCase(CasegridClient.flyingWireReport().channel(Channel.HOTLINE_12345),
				UUID.randomUUID().toString());
		return reported.getId();
	}

	private static List<WebhookReceiver.Received> receivedFor(WebhookReceiver receiver, UUID caseId) {
		return receiver.received().stream().filter(r -> caseId.toString().equals(field(r, "caseId"))).toList();
	}

	private static String type(WebhookReceiver.Received received) {
		return field(received, "type");
	}

	private static String field(WebhookReceiver.Received received, String name) {
		try {
			JsonNode value = JSON.readTree(received.body()).get(name);
			return value == null ? null : value.asText();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
