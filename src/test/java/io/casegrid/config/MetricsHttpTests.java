package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /actuator/prometheus}: HTTP metrics and casegrid's gauges (job backlog and failures, SLA clocks at risk and
 * breached), for the monitoring network only.
 */
@HttpTest
class MetricsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManagementService management;

	@Test
	void prometheusShowsACaseClocksAtRiskAndBreachedAndItsFailedJob() throws Exception {
		CasegridClient grid = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID atRisk = grid.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		UUID breached = grid.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		grid.awaitTask(atRisk, "Task_HandleAtLevel");
		grid.awaitTask(breached, "Task_HandleAtLevel");
		String processInstance = jdbc.sql("SELECT process_instance_id FROM sla_clock WHERE case_id = ? AND stopped_at IS NULL")
			.param(breached)
			.query(String.class)
			.list()
			.get(0);
		Job timer = management.createJobQuery().processInstanceId(processInstance).timers().list().get(0);
		double atRiskBefore = gauge(scrape(), "casegrid_sla_clocks", "at_risk");
		double breachedBefore = gauge(scrape(), "casegrid_sla_clocks", "breached");
		double failedBefore = gauge(scrape(), "casegrid_jobs", "failed");
		// the clocks' rows and one job as time and a failure would leave them; the engine's timers stay where they were
		jdbc.sql("UPDATE sla_clock SET warn_at = now() - interval '1 minute' WHERE case_id = ? AND stopped_at IS NULL")
			.param(atRisk)
			.update();
		jdbc.sql("UPDATE sla_clock SET warn_at = now() - interval '2 hours', due_at = now() - interval '1 minute' "
				+ "WHERE case_id = ? AND stopped_at IS NULL")
			.param(breached)
			.update();
		management.setJobRetries(timer.getId(), 0);
		try {
			await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				String metrics = scrape();
				assertThat(gauge(metrics, "casegrid_sla_clocks", "at_risk")).isGreaterThanOrEqualTo(atRiskBefore + 1);
				assertThat(gauge(metrics, "casegrid_sla_clocks", "breached")).isGreaterThanOrEqualTo(breachedBefore + 1);
				assertThat(gauge(metrics, "casegrid_jobs", "failed")).isGreaterThanOrEqualTo(failedBefore + 1);
				assertThat(gauge(metrics, "casegrid_incidents_open", null)).isGreaterThanOrEqualTo(1);
			});
			String metrics = scrape();
			assertThat(gauge(metrics, "casegrid_jobs", "due")).isNotNaN().isGreaterThanOrEqualTo(0);
			assertThat(gauge(metrics, "casegrid_jobs", "locked")).isNotNaN().isGreaterThanOrEqualTo(0);
			assertThat(metrics).as("Spring's HTTP metrics").containsPattern(
					"http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/api/v1/cases\"");
		}
		finally {
			management.setJobRetries(timer.getId(), 3);
		}
	}

	@Test
	void prometheusAnswersOnlyToTheMonitoringAddressesNotToATokenFromElsewhere() throws Exception {
		InetAddress external = NetworkInterface.networkInterfaces()
			.filter(i -> !isLoopback(i))
			.flatMap(NetworkInterface::inetAddresses)
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("this machine has no non-loopback IPv4 address to call from"));
		HttpResponse<String> fromElsewhere = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://" + external.getHostAddress() + ":" + port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + io.casegrid.identity.TestKeycloak.tokenFor(DemoUsers.ADMIN))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(fromElsewhere.statusCode()).isEqualTo(403);
		assertThat(fromElsewhere.body()).doesNotContain("casegrid_jobs");
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = CasegridClient.anonymous(port).get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static double gauge(String metrics, String name, String state) {
		Matcher line = Pattern.compile("(?m)^" + name + (state == null ? "" : "\\{[^}]*state=\"" + state + "\"[^}]*\\}")
				+ "\\s+(\\S+)$").matcher(metrics);
		assertThat(line.find()).as(name + " " + state + " in\n" + metrics).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private static boolean isLoopback(NetworkInterface i) {
		try {
			return i.isLoopback() || !i.isUp();
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

}
