package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Modeler's deploy button, byte for byte as documented in {@code docs/designers.md}: endpoint
 * {@code http://localhost:<port>/engine-rest}, authentication "Bearer token" with a designer's Keycloak access token.
 * Modeler pings {@code GET …/deployment?maxResults=0}, then posts the diagram and the form it links as one multipart
 * deployment with {@code deployment-name}, {@code deployment-source=Camunda Modeler} and {@code deploy-changed-only}.
 */
@HttpTest
class ModelerDeployHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);

	private final String processKey = "Process_Modeler" + suffix;

	private final String formId = "Form_Modeler" + suffix;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@AfterEach
	void deleteTheDeployments() {
		repository.createDeploymentQuery().deploymentName("modeler-" + suffix).list()
			.forEach(d -> repository.deleteDeployment(d.getId(), true, true));
	}

	@Test
	void modelersDeployDialogWithADesignersBearerTokenDeploysTheDiagramWithItsFormAndSkipsUnchangedFiles()
			throws Exception {
		String token = TestKeycloak.tokenFor(DemoUsers.DESIGNER);
		HttpResponse<String> ping = http.send(HttpRequest.newBuilder(endpoint("/deployment?maxResults=0"))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);

		HttpResponse<String> first = deployAsModeler(token);
		HttpResponse<String> again = deployAsModeler(token);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode deployment = json.readTree(first.body());
		assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
		assertThat(deployment.get("deployedProcessDefinitions").fieldNames()).toIterable().hasSize(1);
		assertThat(repository.getDeploymentResourceNames(deployment.get("id").asText()))
			.containsExactlyInAnyOrder("review.bpmn", "review.form");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_re_camformdef WHERE key_ = ?", Long.class, formId))
			.isOne();
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("deployedProcessDefinitions").isNull()
				|| json.readTree(again.body()).path("deployedProcessDefinitions").isMissingNode())
			.as("deploy-changed-only: nothing changed, no new version").isTrue();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count()).isOne();
	}

	@Test
	void modelersDeployDialogWithoutAuthenticationIsRefused() throws Exception {
		HttpResponse<String> response = deployAsModeler(null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count()).isZero();
	}

	/** The request Modeler 5's deploy dialog sends (fields in its order, each file under its own name). */
	private HttpResponse<String> deployAsModeler(String token) throws Exception {
		String boundary = "----ModelerFormBoundary" + suffix;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "deployment-name", "modeler-" + suffix);
		field(body, boundary, "deployment-source", "Camunda Modeler");
		field(body, boundary, "deploy-changed-only", "true");
		file(body, boundary, "review.bpmn", diagram());
		file(body, boundary, "review.form", form());
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint("/deployment/create"))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI endpoint(String path) {
		return URI.create("http://localhost:" + port + "/engine-rest" + path);
	}

	private String diagram() {
		return DeploymentForm.process(processKey, """
				<bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Start_%1$s" targetRef="Task_Review" />
				<bpmn:userTask id="Task_Review" name="现场复核" camunda:formRef="%2$s" camunda:formRefBinding="deployment" />
				<bpmn:sequenceFlow id="Flow_FromReview" sourceRef="Task_Review" targetRef="End_%1$s" />
				""".formatted(processKey, formId));
	}

	private String form() {
		return """
				{"components": [
				  {"type": "radio", "id": "Field_Outcome", "key": "reviewOutcome", "label": "复核结果",
				   "validate": {"required": true}, "values": [{"label": "通过", "value": "PASSED"}]},
				  {"type": "textfield", "id": "Field_Note", "key": "reviewNote", "label": "复核意见"}],
				 "type": "default", "id": "%s", "executionPlatform": "Camunda Platform",
				 "executionPlatformVersion": "7.24.0", "schemaVersion": 16}
				""".formatted(formId);
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private static void file(ByteArrayOutputStream body, String boundary, String name, String content) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}

}
