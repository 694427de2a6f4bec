package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.CasegridApplication;
import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * When the database goes away the API answers 503 problem+json quickly (no hang, no stack trace), and it recovers by
 * itself when the database is back, with nothing acknowledged lost.
 */
class DatabaseOutageTests {

	@TempDir
	Path dataDir;

	@Test
	void outageIs503AndTheServiceRecoversByItself() throws Exception {
		int pgPort = freePort();
		EmbeddedPostgres postgres = start(pgPort);
		String url = postgres.getJdbcUrl("postgres", "postgres");
		try (var context = new SpringApplicationBuilder(CasegridApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--camunda.bpm.process-engine-name=outageTest", "--camunda.bpm.webapp.enabled=false",
				"--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false")) {
			var client = new CasegridClient(((WebServerApplicationContext) context).getWebServer().getPort(),
					DemoUsers.CENTRE);
			UUID before = client.intake.reportCase(CasegridClient.reportNeedingTriage(), "outage-before").getId();

			postgres.close();
			long started = System.nanoTime();
			var during = client.post("/api/v1/cases", new com.fasterxml.jackson.databind.ObjectMapper()
				.findAndRegisterModules()
				.writeValueAsString(CasegridClient.reportNeedingTriage()), "Idempotency-Key", "outage-during");
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(during.statusCode()).isEqualTo(503);
			assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(during.body()).contains("urn:casegrid:problem:unavailable").doesNotContain("Exception");
			assertThat(took).as("answers instead of hanging").isLessThan(Duration.ofSeconds(15));

			postgres = start(pgPort);
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> client.cases.getCase(before).getId().equals(before));
			UUID after = client.intake.reportCase(CasegridClient.reportNeedingTriage(), "outage-during").getId();
			assertThat(client.cases.getCase(after).getId()).isEqualTo(after);
		}
		finally {
			postgres.close();
		}
	}

	private EmbeddedPostgres start(int port) throws java.io.IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setRegisterShutdownHook(false)
			.start();
	}

	private static int freePort() throws java.io.IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
