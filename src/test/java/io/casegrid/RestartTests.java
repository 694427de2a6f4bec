package io.casegrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.client.model.CaseStep;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A case reported before the service stops is there, in the same step, after it starts again on the same data. */
class RestartTests {

	@TempDir
	Path dataDir;

	@Test
	void reportedCaseSurvivesARestart() throws Exception {
		UUID caseId;
		String caseNumber;
		String dispatchTaskId;
		try (ConfigurableApplicationContext first = start()) {
			CasegridClient client = new CasegridClient(port(first), DemoUsers.CENTRE);
			var created = client.intake.reportCase(CasegridClient.reportNeedingTriage(), "restart-1");
			caseId = created.getId();
			caseNumber = created.getCaseNumber();
			dispatchTaskId = client.awaitTask(caseId, "Task_Dispatch").getId();
			assertThat(client.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.FILED);
		}
		try (ConfigurableApplicationContext second = start()) {
			CasegridClient client = new CasegridClient(port(second), DemoUsers.CENTRE);
			var after = client.cases.getCase(caseId);
			assertThat(after.getCaseNumber()).isEqualTo(caseNumber);
			assertThat(after.getStep()).isEqualTo(CaseStep.FILED);
			var dispatch = client.awaitTask(caseId, "Task_Dispatch");
			assertThat(dispatch.getId()).as("the same dispatch task waits, not a new one").isEqualTo(dispatchTaskId);
			assertThat(dispatch.getCaseId()).isEqualTo(caseId);
			assertThat(client.intake.reportCase(CasegridClient.reportNeedingTriage(), "restart-1").getId())
				.as("a retry after the restart finds the original case")
				.isEqualTo(caseId);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(client.cases.listCases(null, null, null, null, null, null, null, 0, 10).getTotal())
					.isEqualTo(1));
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CasegridApplication.class).run("--server.port=0",
				"--casegrid.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
				"--casegrid.embedded-postgres.port=0", "--camunda.bpm.process-engine-name=restartTest",
				"--camunda.bpm.webapp.enabled=false", "--spring.jmx.enabled=false");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
