package io.casegrid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.casegrid.client.ApiClient;
import io.casegrid.client.api.IntakeApi;
import io.casegrid.client.api.SlaApi;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseReport;
import io.casegrid.client.model.CaseSla;
import io.casegrid.client.model.Channel;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.Location;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.identity.TestKeycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's five lines with the published Java client (io.casegrid:casegrid-client), run as an app of the county
 * centre would run them: a bare {@code ApiClient} and a token, nothing of the tests' own {@link CasegridClient}. (SLA
 * clocks are staff's to read: the contract gives {@code getCaseSla} no app role.)
 */
@HttpTest
class ClientQuickStartHttpTests {

	@LocalServerPort
	int port;

	@Test
	void theReadmesFiveLinesReportACaseAndReadItsSla() throws Exception {
		String casegrid = "http://localhost:" + port;
		String token = TestKeycloak.tokenFor(DemoUsers.CENTRE);
		// README begin
		ApiClient api = new ApiClient().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		api.updateBaseUri(casegrid);
		CaseReport report = new CaseReport().channel(Channel.HOTLINE_12345).categoryCode("FLY_WIRE_CHARGING").title("飞线充电")
			.description("3号楼有住户飞线给电动车充电").location(new Location().address("东关社区3号楼").unitCode("149901001001001"));
		CaseDetail reported = new IntakeApi(api).reportCase(report, UUID.randomUUID().toString());
		CaseSla sla = new SlaApi(api).getCaseSla(reported.getId());
		// README end

		assertThat(reported.getCaseNumber()).isNotBlank();
		assertThat(sla.getCaseId()).isEqualTo(reported.getId());
		SlaClockView running = await().atMost(Duration.ofSeconds(30))
			.until(() -> new SlaApi(api).getCaseSla(reported.getId())
				.getClocks()
				.stream()
				.filter(clock -> clock.getState() == ClockState.RUNNING)
				.findFirst(), Optional::isPresent)
			.get();
		assertThat(running.getDueAt()).isAfter(running.getStartedAt());
	}

	@Test
	void theReadmeShowsTheLinesThisTestRuns() throws Exception {
		List<String> source = Files.readAllLines(Path.of("src/test/java/io/casegrid/ClientQuickStartHttpTests.java"));
		List<String> lines = source.subList(source.indexOf("\t\t// README begin") + 1, source.indexOf("\t\t// README end"))
			.stream()
			.map(String::strip)
			.toList();
		String readme = Files.readString(Path.of("README.md"));
		assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(readme).contains(line));
	}

}
