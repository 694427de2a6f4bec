package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A mediation agreement one may not see answers exactly as one that does not exist: nothing tells them apart. */
@HttpTest
class AgreementNotFoundHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void hiddenAgreementAndMissingAgreementGetTheSame404() throws Exception {
		UUID agreementId = signedAgreement();
		UUID missingId = UUID.randomUUID();
		CasegridClient otherVillage = new CasegridClient(port, DemoUsers.MEDIATOR_HEXI);

		HttpResponse<String> hidden = otherVillage.get("/api/v1/mediation/agreements/" + agreementId);
		HttpResponse<String> missing = otherVillage.get("/api/v1/mediation/agreements/" + missingId);

		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		JsonNode hiddenProblem = json.readTree(hidden.body());
		JsonNode missingProblem = json.readTree(missing.body());
		assertThat(hiddenProblem.path("type").asText()).isEqualTo("urn:casegrid:problem:not-found");
		assertThat(hiddenProblem.path("title")).isEqualTo(missingProblem.path("title"));
		assertThat(hiddenProblem.path("detail").asText().replace(agreementId.toString(), "{id}"))
			.isEqualTo(missingProblem.path("detail").asText().replace(missingId.toString(), "{id}"));
	}

	/** A neighbour dispute of 东关社区 settled by its committee, with a signed agreement. */
	private UUID signedAgreement() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient committee = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport()
			.channel(Channel.VISIT)
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：漏水")
			.description("楼上漏水殃及楼下，双方争执。"), null).getId();
		Task accept = committee.awaitTask(caseId, "Task_AcceptDispute");
		committee.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "王某\n李某")
			.putFieldsItem("disputeSummary", "楼上漏水"));
		Task village = committee.awaitTask(caseId, "Task_VillageMediation");
		committee.tasks.completeTask(village.getId(),
				new TaskCompletion().outcome("SETTLED").putFieldsItem("settlementSummary", "王某修好防水，赔偿李某"));
		Task draft = committee.awaitTask(caseId, "Task_DraftAgreement");
		committee.tasks.completeTask(draft.getId(), new TaskCompletion().outcome("SIGNED")
			.putFieldsItem("parties", "王某；李某")
			.putFieldsItem("facts", "楼上漏水殃及楼下")
			.putFieldsItem("obligations", "王某十日内修好防水")
			.putFieldsItem("performance", "社区见证")
			.putFieldsItem("performBy", OffsetDateTime.now().plusDays(10).toString())
			.putFieldsItem("signaturesConfirmed", "CONFIRMED")
			.putFieldsItem("applyJudicialConfirmation", "NO"));
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> committee.mediation.getMediation(caseId).getAgreement(), a -> a != null)
			.getId();
	}

}
