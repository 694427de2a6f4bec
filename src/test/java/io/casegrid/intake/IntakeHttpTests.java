package io.casegrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiResponse;
import io.casegrid.client.model.AttachmentRef;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseReport;
import io.casegrid.client.model.Channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One door for every channel: what a hotline system or grid app gets back, and what bad input gets. */
@HttpTest
class IntakeHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	CasegridClient client;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void reportIsAcknowledgedWithNumberStepAndLocation() throws Exception {
		CaseReport report = CasegridClient.flyingWireReport()
			.channel(Channel.HOTLINE_12345)
			.addAttachmentsItem(new AttachmentRef().uri("https://files.example/p/1.jpg").mediaType("image/jpeg"));
		report.getLocation().unitCode(DemoCounty.MICRO_GRID_DONGGUAN_1_1);

		ApiResponse<CaseDetail> response = client.intake.reportCaseWithHttpInfo(report, null);

		assertThat(response.getStatusCode()).isEqualTo(201);
		CaseDetail created = response.getData();
		assertThat(response.getHeaders().get("location")).containsExactly("/api/v1/cases/" + created.getId());
		assertThat(created.getCaseNumber()).matches("JC-20\\d\\d-\\d{6}");
		assertThat(created.getLocation().getGridCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(created.getLocation().getVillageCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(created.getLocation().getCountyCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(created.getAttachments()).extracting(AttachmentRef::getUri)
			.containsExactly("https://files.example/p/1.jpg");
		assertThat(client.cases.getCase(created.getId()).getChannel()).isEqualTo(Channel.HOTLINE_12345);
	}

	@Test
	void anonymousReportNeedsNoReporter() throws Exception {
		CaseDetail created = client.intake.reportCase(CasegridClient.flyingWireReport().reporter(null), null);
		assertThat(created.getReporter()).isNull();
	}

	@Test
	void sameKeyTwiceReturnsTheOriginalCase() throws Exception {
		String key = UUID.randomUUID().toString();
		CaseReport report = CasegridClient.flyingWireReport().title("幂等测试 " + key);

		ApiResponse<CaseDetail> first = client.intake.reportCaseWithHttpInfo(report, key);
		ApiResponse<CaseDetail> second = client.intake.reportCaseWithHttpInfo(report, key);

		assertThat(second.getData().getId()).isEqualTo(first.getData().getId());
		assertThat(second.getData().getCaseNumber()).isEqualTo(first.getData().getCaseNumber());
		assertThat(first.getHeaders().get("idempotent-replayed")).containsExactly("false");
		assertThat(second.getHeaders().get("idempotent-replayed")).containsExactly("true");
		assertThat(casesTitled(report.getTitle())).isEqualTo(1);
	}

	@Test
	void sameKeyWithADifferentBodyIs422() throws Exception {
		String key = UUID.randomUUID().toString();
		client.intake.reportCase(CasegridClient.flyingWireReport().title("原始 " + key), key);

		var failure = CasegridClient.failureOf(
				() -> client.intake.reportCase(CasegridClient.flyingWireReport().title("改过的 " + key), key));

		assertThat(failure.getCode()).isEqualTo(422);
		assertThat(problem(failure.getResponseBody()).path("type").asText())
			.isEqualTo("urn:casegrid:problem:idempotency-key-reuse");
		assertThat(casesTitled("改过的 " + key)).isZero();
	}

	@Test
	void channelReferenceAloneMakesTheReportIdempotent() throws Exception {
		String ticket = "12345-" + UUID.randomUUID();
		CaseReport report = CasegridClient.flyingWireReport().channel(Channel.HOTLINE_12345).channelReference(ticket);
		UUID first = client.intake.reportCase(report, null).getId();
		UUID second = client.intake.reportCase(report, null).getId();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void missingFieldsAreNamed() throws Exception {
		assertRejected("{\"channel\":\"GRID_REPORT\",\"location\":{\"address\":\"x\"}}", "categoryCode", "title",
				"description", "location.unitCode");
	}

	@Test
	void wrongEnumIsNamed() throws Exception {
		assertRejected(body(r -> r.put("channel", "FAX")), "channel");
	}

	@Test
	void malformedJsonIsRejected() throws Exception {
		assertRejected("{\"channel\": \"GRID_REPORT\", \"title\": ", "body");
	}

	@Test
	void oversizedDescriptionIsNamed() throws Exception {
		assertRejected(body(r -> r.put("description", "很长".repeat(2001))), "description");
	}

	@Test
	void unknownFieldIsNamed() throws Exception {
		assertRejected(body(r -> r.put("reportr", "typo")), "reportr");
	}

	@Test
	void wrongTypeInNestedFieldIsNamed() throws Exception {
		assertRejected(body(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("location")).put("latitude",
				"north")), "location.latitude");
	}

	@Test
	void unknownUnitCodeIsNamed() throws Exception {
		assertRejected(body(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("location")).put("unitCode",
				"999999")), "location.unitCode");
	}

	@Test
	void departmentIsNotAPlaceWhereThingsHappen() throws Exception {
		assertRejected(body(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("location")).put("unitCode",
				DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)), "location.unitCode");
	}

	@Test
	void invalidPhoneIsNamed() throws Exception {
		assertRejected(body(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("reporter")).put("phone",
				"call me")), "reporter.phone");
	}

	private void assertRejected(String body, String... fields) throws Exception {
		long before = count();
		HttpResponse<String> response = client.post("/api/v1/cases", body, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = problem(response.body());
		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:validation");
		assertThat(problem.path("errors").findValuesAsText("field")).contains(fields);
		assertThat(count()).as("nothing stored").isEqualTo(before);
	}

	private String body(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
			throws Exception {
		var node = (com.fasterxml.jackson.databind.node.ObjectNode) json
			.readTree(json.writeValueAsString(CasegridClient.flyingWireReport()));
		change.accept(node);
		return json.writeValueAsString(node);
	}

	private JsonNode problem(String body) throws Exception {
		return json.readTree(body);
	}

	private long count() {
		return jdbc.sql("SELECT (SELECT count(*) FROM case_file) + (SELECT count(*) FROM intake_request)")
			.query(Long.class)
			.single();
	}

	private long casesTitled(String title) {
		return jdbc.sql("SELECT count(*) FROM case_file WHERE title = ?").param(title).query(Long.class).single();
	}

}
