package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.CasegridApplication;
import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.client.model.CaseDetail;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup and restore of docs/operations.md, run for real: a case is reported, the service stopped, backed up with
 * src/ops/backup.sh, the data directory wiped, restored with src/ops/restore.sh, and the restarted service has the
 * case, still waiting at the same task.
 */
class BackupRestoreTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path backups;

	@Test
	void aCaseReportedBeforeTheBackupIsThereAfterWipeAndRestore() throws Exception {
		Path backup = backups.resolve("casegrid.tar.gz");
		UUID caseId;
		String caseNumber;
		try (ConfigurableApplicationContext service = start()) {
			CasegridClient grid = new CasegridClient(port(service), DemoUsers.GRID_WORKER_DONGGUAN_1);
			caseId = grid.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
			grid.awaitTask(caseId, "Task_HandleAtLevel");
			caseNumber = grid.cases.getCase(caseId).getCaseNumber();

			Result whileRunning = script("backup.sh", "--data-dir", dataDir.toString(), backup.toString());
			assertThat(whileRunning.exitCode()).as("a backup of a running cluster is refused").isEqualTo(2);
			assertThat(whileRunning.output()).contains("stop the service first");
			assertThat(backup).doesNotExist();
		}

		Result backedUp = script("backup.sh", "--data-dir", dataDir.toString(), backup.toString());
		assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();

		wipe(dataDir.resolve("postgres"));

		Result restored = script("restore.sh", "--data-dir", dataDir.toString(), backup.toString());
		assertThat(restored.exitCode()).as(restored.output()).isZero();

		try (ConfigurableApplicationContext service = start()) {
			CasegridClient grid = new CasegridClient(port(service), DemoUsers.GRID_WORKER_DONGGUAN_1);
			CaseDetail restoredCase = grid.cases.getCase(caseId);
			assertThat(restoredCase.getCaseNumber()).isEqualTo(caseNumber);
			assertThat(grid.awaitTask(caseId, "Task_HandleAtLevel")).as("the case's process, where it was").isNotNull();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CasegridApplication.class).run("--server.port=0",
				"--casegrid.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
				"--casegrid.embedded-postgres.port=0", "--camunda.bpm.process-engine-name=backupRestoreTest",
				"--camunda.bpm.webapp.enabled=false", "--spring.jmx.enabled=false");
	}

	private static int port(ConfigurableApplicationContext service) {
		return ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	private record Result(int exitCode, String output) {
	}

	private static Result script(String name, String... args) throws IOException, InterruptedException {
		String[] command = Stream.concat(Stream.of("bash", Path.of("src/ops", name).toString()), Stream.of(args))
			.toArray(String[]::new);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

	private static void wipe(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		assertThat(dir).doesNotExist();
	}

}
