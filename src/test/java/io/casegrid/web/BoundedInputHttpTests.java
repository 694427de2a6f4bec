package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Task;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 5 of the security review: one request must not cost more than a request. Every collection of the contract
 * is bounded, a body above 256 KB is refused before it is read, and a problem lists at most 20 offending fields.
 */
@HttpTest
class BoundedInputHttpTests {

	private static final Duration BUDGET = Duration.ofSeconds(2);

	/** The most offending fields one problem lists (the contract's {@code Problem.errors.maxItems}). */
	private static final int REPORTED = 20;

	private final int port;

	private final ObjectMapper json;

	private final CasegridClient gridWorker;

	@Autowired
	BoundedInputHttpTests(@LocalServerPort int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
		this.gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
	}

	@Test
	void completionWithEightyThousandUnknownFieldsIsRefusedWithinTwoSeconds() throws Exception {
		Task task = openTask();

		Timed answer = timed(() -> gridWorker.post(completePath(task), completion(80_000)));

		assertThat(answer.response().statusCode()).isIn(400, 413);
		assertThat(answer.took()).isLessThan(BUDGET);
		assertProblem(answer.response(), answer.response().statusCode());
	}

	@Test
	void completionWithMoreFieldsThanTheContractAllowsNamesFieldsOnce() throws Exception {
		Task task = openTask();

		Timed answer = timed(() -> gridWorker.post(completePath(task), completion(10_000)));

		assertThat(answer.took()).isLessThan(BUDGET);
		JsonNode problem = assertProblem(answer.response(), 400);
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("fields");
	}

	@Test
	void overLongArrayIsRefusedNamingTheField() throws Exception {
		ObjectNode report = json.valueToTree(CasegridClient.flyingWireReport());
		ArrayNode attachments = report.putArray("attachments");
		for (int i = 0; i < 21; i++) {
			attachments.addObject().put("uri", "https://files.example/" + i);
		}

		JsonNode problem = assertProblem(gridWorker.post("/api/v1/cases", report.toString(), "Idempotency-Key",
				UUID.randomUUID().toString()), 400);

		assertThat(problem.path("errors").findValuesAsText("field")).contains("attachments");
	}

	@Test
	void bodyAboveTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
		ObjectNode report = json.valueToTree(CasegridClient.flyingWireReport());
		report.put("description", "界".repeat(100_000));

		JsonNode problem = assertProblem(gridWorker.post("/api/v1/cases", report.toString(), "Idempotency-Key",
				UUID.randomUUID().toString()), 413);

		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:too-large");
	}

	@Test
	void chunkedBodyAboveTheLimitIsRefusedWith413() throws Exception {
		byte[] body = ("{\"outcome\": \"RESOLVED\", \"comment\": \"" + "x".repeat(400_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + completePath(openTask())))
			.header("Authorization", "Bearer " + TestKeycloak.tokenFor(DemoUsers.GRID_WORKER_DONGGUAN_1))
			.header("Content-Type", "application/json")
			// no length: the body goes chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413);
	}

	private Task openTask() throws Exception {
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport().title("边界测试"), null).getId();
		return gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
	}

	private static String completePath(Task task) {
		return "/api/v1/tasks/" + task.getId() + "/complete";
	}

	private String completion(int unknownFields) {
		ObjectNode completion = json.createObjectNode().put("outcome", "RESOLVED");
		ObjectNode fields = completion.putObject("fields");
		for (int i = 0; i < unknownFields; i++) {
			fields.put("f" + i, "x");
		}
		return completion.toString();
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("errors").size()).isLessThanOrEqualTo(REPORTED);
		return problem;
	}

	private static Timed timed(Call call) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = call.send();
		return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send() throws Exception;

	}

}
