package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.mediation.SettledDisputes;

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
		UUID agreementId = SettledDisputes.withSignedAgreement(port).getAgreement().getId();
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

}
