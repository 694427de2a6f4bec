package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.CaseReport;
import io.casegrid.client.model.Channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff report into their own place or below it, apps anywhere in the county; each reporter claims only its own
 * channels (processes/reporting-channels.dmn). Anything else is 403 naming the field, and nothing is stored.
 */
@HttpTest
class ReportingRightsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void gridWorkerReportsIntoTheirGridAndBelowButNotIntoAnotherGrid() throws Exception {
		CasegridClient gridWorker = as(DemoUsers.GRID_WORKER_DONGGUAN_1);
		String title = "别处的飞线 " + UUID.randomUUID();

		assertRefused(() -> gridWorker.intake.reportCase(at(DemoCounty.GRID_HEXI_1).title(title), null),
				"location.unitCode");
		assertThat(casesTitled(title)).isZero();

		assertThat(gridWorker.intake.reportCase(at(DemoCounty.MICRO_GRID_DONGGUAN_1_1), null).getLocation().getGridCode())
			.isEqualTo(DemoCounty.GRID_DONGGUAN_1);
	}

	@Test
	void townshipDispatcherReportsOnlyIntoTheirTownshipAndTheCountyCentreAnywhere() throws Exception {
		assertRefused(() -> as(DemoUsers.DISPATCHER_HEXI).intake.reportCase(at(DemoCounty.GRID_DONGGUAN_1).channel(Channel.VISIT), null),
				"location.unitCode");
		assertThat(as(DemoUsers.DISPATCHER_HEXI).intake.reportCase(at(DemoCounty.GRID_HEXI_1).channel(Channel.VISIT), null)
			.getLocation()
			.getTownshipCode()).isEqualTo("149901102");
		assertThat(as(DemoUsers.CENTRE).intake.reportCase(at(DemoCounty.GRID_HEXI_1).channel(Channel.VIDEO_PATROL), null)
			.getId()).isNotNull();
	}

	@Test
	void hotlineReportsAnywhereButOnlyAsTheHotline() throws Exception {
		CasegridClient hotline = CasegridClient.app(port, DemoUsers.HOTLINE, DemoUsers.HOTLINE_SECRET);
		String title = "冒充居民端 " + UUID.randomUUID();

		assertRefused(() -> hotline.intake.reportCase(at(DemoCounty.GRID_HEXI_1).channel(Channel.RESIDENT_APP).title(title),
				null), "channel");
		assertRefused(() -> hotline.intake.reportCase(at(DemoCounty.GRID_HEXI_1).channel(Channel.GRID_REPORT).title(title),
				null), "channel");
		assertThat(casesTitled(title)).isZero();

		assertThat(hotline.intake.reportCase(at(DemoCounty.GRID_HEXI_1).channel(Channel.HOTLINE_12345), null).getChannel())
			.isEqualTo(Channel.HOTLINE_12345);
		assertThat(hotline.intake.reportCase(at(DemoCounty.GRID_DONGGUAN_1).channel(Channel.HOTLINE_12345), null).getId())
			.isNotNull();
	}

	@Test
	void gridWorkerCannotClaimTheHotlineChannel() throws Exception {
		assertRefused(() -> as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake
			.reportCase(at(DemoCounty.GRID_DONGGUAN_1).channel(Channel.HOTLINE_12345), null), "channel");
		assertRefused(() -> CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET).intake
			.reportCase(at(DemoCounty.GRID_DONGGUAN_1).channel(Channel.HOTLINE_12345), null), "channel");
	}

	private void assertRefused(CasegridClient.ThrowingCall call, String field) throws Exception {
		ApiException refused = CasegridClient.failureOf(call);
		assertThat(refused.getCode()).isEqualTo(403);
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.path("type").asText()).isEqualTo("urn:casegrid:problem:forbidden");
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
	}

	private static CaseReport at(String unitCode) {
		CaseReport report = CasegridClient.flyingWireReport();
		report.getLocation().unitCode(unitCode);
		return report;
	}

	private long casesTitled(String title) {
		return jdbc.sql("SELECT count(*) FROM case_file WHERE title = ?").param(title).query(Long.class).single();
	}

	private CasegridClient as(String user) {
		return new CasegridClient(port, user);
	}

}
