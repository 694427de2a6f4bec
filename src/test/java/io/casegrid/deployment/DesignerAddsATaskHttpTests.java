package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.Outcome;
import io.casegrid.client.model.OutcomeField;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.identity.TestKeycloak;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A designer adds 现场复核 with its form to {@code case-handling.bpmn} (the example of {@code docs/designers.md},
 * {@code src/test/resources/designer/}) and deploys it through {@code /engine-rest} with their own token: the REST API
 * offers the new task as its form says, validates against that form, and a case started on the old version carries on
 * as before.
 * <p>
 * No track of the demo county calls {@code CaseHandling} (a county that uses it sets
 * {@code casegrid.filing.tracks.<track>.handling-process: CaseHandling}); so that the shared test context keeps its
 * configuration, the test routes its own cases there through engine REST as the admin, while they wait for dispatch.
 * Its deployment is deleted with cascade afterwards, so later tests of the same JVM see the product's version again.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesignerAddsATaskHttpTests {

	private static final String DEPLOY = "/engine-rest/deployment/create";

	@LocalServerPort
	int port;

	final ObjectMapper json = new ObjectMapper();

	String deploymentId;

	@BeforeAll
	void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@AfterAll
	void deleteTheDesignersDeployment() throws Exception {
		if (deploymentId != null) {
			HttpResponse<String> deleted = admin().send("DELETE",
					"/engine-rest/deployment/" + deploymentId + "?cascade=true", null);
			assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		}
	}

	@Test
	void aNewVersionWithSiteReviewOffersTheFormsOutcomesAndFieldsAndOldCasesKeepTheirVersion() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID before = caseAtHandling(gridWorker);
		Task oldHandle = gridWorker.awaitTask(before, "Task_Handle");

		HttpResponse<String> deployed = deploy();
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		deploymentId = json.readTree(deployed.body()).get("id").asText();

		UUID after = caseAtHandling(gridWorker);
		Task handle = gridWorker.awaitTask(after, "Task_Handle");
		assertThat(processDefinitionOf(oldHandle)).as("the old case's task stays on the old version")
			.isNotEqualTo(processDefinitionOf(handle));
		gridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已更换楼道感应灯"));
		Task review = gridWorker.awaitTask(after, "Task_SiteReview");

		Task shown = gridWorker.tasks.getTask(review.getId());
		assertThat(shown.getName()).isEqualTo("现场复核");
		assertThat(shown.getOutcomes()).extracting(Outcome::getCode, Outcome::getLabel)
			.containsExactly(tuple("CONFIRMED", "复核通过"),
					tuple("REOPEN", "问题仍在，重新办理"));
		Outcome confirmed = shown.getOutcomes().get(0);
		assertThat(confirmed.getFields()).extracting(OutcomeField::getName)
			.as("reopenReason is hidden unless REOPEN; comment is the completion's comment")
			.containsExactly("siteFindings", "photoCount");
		OutcomeField findings = confirmed.getFields().get(0);
		assertThat(findings.getLabel()).isEqualTo("现场情况");
		assertThat(findings.getType()).isEqualTo(OutcomeField.TypeEnum.TEXT);
		assertThat(findings.getRequired()).isTrue();
		assertThat(findings.getMaxLength()).isEqualTo(500);
		OutcomeField photos = confirmed.getFields().get(1);
		assertThat(photos.getType()).isEqualTo(OutcomeField.TypeEnum.NUMBER);
		assertThat(photos.getMaximum()).isEqualByComparingTo("20");
		assertThat(shown.getOutcomes().get(1).getFields()).extracting(OutcomeField::getName)
			.containsExactly("siteFindings", "photoCount", "reopenReason");

		HttpResponse<String> missing = gridWorker.send("POST", "/api/v1/tasks/" + review.getId() + "/complete",
				"{\"outcome\":\"CONFIRMED\",\"fields\":{\"photoCount\":\"3\"}}");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(missing.body()).contains("fields.siteFindings").contains("现场情况");

		gridWorker.tasks.completeTask(review.getId(), new TaskCompletion().outcome("CONFIRMED")
			.putFieldsItem("siteFindings", "灯已亮，楼道照明正常")
			.putFieldsItem("photoCount", "3"));
		awaitStep(gridWorker, after, CaseStep.FEEDBACK);

		gridWorker.tasks.completeTask(oldHandle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已更换楼道感应灯"));
		awaitStep(gridWorker, before, CaseStep.FEEDBACK);
		assertThat(gridWorker.tasks.listTasks(before, null, null, null, 0, 50).getItems())
			.extracting(Task::getTaskKey)
			.doesNotContain("Task_SiteReview");
	}

	/** A case reported now, routed to {@code CaseHandling} and dispatched to 东关社区第一网格. */
	private UUID caseAtHandling(CasegridClient gridWorker) throws Exception {
		CasegridClient dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString())
			.getId();
		Task dispatch = dispatcher.awaitTask(caseId, "Task_Dispatch");
		HttpResponse<String> instances = admin().get("/engine-rest/process-instance?businessKey=" + caseId);
		assertThat(instances.statusCode()).as(instances.body()).isEqualTo(200);
		for (JsonNode instance : json.readTree(instances.body())) {
			HttpResponse<String> set = admin().send("PUT", "/engine-rest/process-instance/" + instance.get("id").asText()
					+ "/variables/handlingProcess", "{\"value\":\"CaseHandling\",\"type\":\"String\"}");
			assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
		}
		dispatcher.tasks.completeTask(dispatch.getId(),
				new TaskCompletion().outcome("DISPATCH").putFieldsItem("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1));
		return caseId;
	}

	private HttpResponse<String> deploy() throws Exception {
		DeploymentForm form = DeploymentForm.named("现场复核")
			.resource("case-handling.bpmn", designerFile("case-handling.bpmn"))
			.resource("site-review.form", designerFile("site-review.form"));
		return new CasegridClient(port, DemoUsers.DESIGNER).post(DEPLOY, form.contentType(), form.body());
	}

	private String processDefinitionOf(Task task) throws Exception {
		HttpResponse<String> found = admin().get("/engine-rest/task/" + task.getId());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return json.readTree(found.body()).get("processDefinitionId").asText();
	}

	private static void awaitStep(CasegridClient client, UUID caseId, CaseStep step) {
		await().atMost(Duration.ofSeconds(30)).until(() -> client.cases.getCase(caseId).getStep(), s -> s == step);
	}

	private CasegridClient admin() {
		return new CasegridClient(port, DemoUsers.ADMIN);
	}

	private static String designerFile(String name) throws IOException {
		try (InputStream in = DesignerAddsATaskHttpTests.class.getResourceAsStream("/designer/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
