package io.casegrid.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CasePage;
import io.casegrid.client.model.CaseSummary;
import io.casegrid.client.model.Channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HttpTest
class CasesHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	CasegridClient client;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void listFiltersByChannelCategoryUnitAndTimeWithPaging() throws Exception {
		String category = "NOISE_" + UUID.randomUUID().toString().substring(0, 8);
		OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
		for (int i = 0; i < 3; i++) {
			client.intake.reportCase(CasegridClient.flyingWireReport().categoryCode(category).title("噪音 " + i), null);
		}
		var hexi = CasegridClient.flyingWireReport().categoryCode(category).channel(Channel.VIDEO_PATROL).title("河西");
		hexi.getLocation().unitCode(DemoCounty.GRID_HEXI_1);
		client.intake.reportCase(hexi, null);

		CasePage all = client.cases.listCases(null, null, category, null, null, null, null, 0, 20);
		assertThat(all.getTotal()).isEqualTo(4);
		assertThat(all.getItems()).extracting(CaseSummary::getTitle).first().isEqualTo("河西");

		CasePage firstPage = client.cases.listCases(null, null, category, null, null, null, null, 0, 3);
		CasePage secondPage = client.cases.listCases(null, null, category, null, null, null, null, 1, 3);
		assertThat(firstPage.getItems()).hasSize(3);
		assertThat(secondPage.getItems()).hasSize(1);
		assertThat(secondPage.getItems().get(0).getId()).isNotIn(firstPage.getItems().stream().map(CaseSummary::getId).toList());

		assertThat(client.cases.listCases(null, Channel.VIDEO_PATROL, category, null, null, null, null, 0, 20).getTotal())
			.isEqualTo(1);
		assertThat(client.cases.listCases(null, null, category, DemoCounty.TOWNSHIP_CHENGGUAN, null, null, null, 0, 20)
			.getTotal()).isEqualTo(3);
		assertThat(client.cases.listCases(null, null, category, DemoCounty.COUNTY, null, null, null, 0, 20).getTotal())
			.isEqualTo(4);
		assertThat(client.cases.listCases(null, null, category, null, before, null, null, 0, 20).getTotal()).isEqualTo(4);
		assertThat(client.cases.listCases(null, null, category, null, null, before, null, 0, 20).getTotal()).isZero();
	}

	@Test
	void unknownCaseIs404Problem() throws Exception {
		var response = client.get("/api/v1/cases/" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("urn:casegrid:problem:not-found");
	}

	@Test
	void malformedIdAndBadPagingAre400NamingTheParameter() throws Exception {
		assertThat(client.get("/api/v1/cases/not-a-uuid").body()).contains("\"field\":\"caseId\"");
		var paging = client.get("/api/v1/cases?size=1000");
		assertThat(paging.statusCode()).isEqualTo(400);
		assertThat(paging.body()).contains("\"field\":\"size\"");
		assertThat(client.get("/api/v1/cases?step=SOMEWHERE").body()).contains("\"field\":\"step\"");
	}

	@Test
	void timelineIsAppendOnly() throws Exception {
		UUID id = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		var update = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc
			.sql("UPDATE case_event SET summary = 'rewritten' WHERE case_id = ?")
			.param(id)
			.update());
		var delete = org.assertj.core.api.Assertions
			.catchThrowable(() -> jdbc.sql("DELETE FROM case_event WHERE case_id = ?").param(id).update());
		assertThat(update).hasMessageContaining("append-only");
		assertThat(delete).hasMessageContaining("append-only");
	}

}
