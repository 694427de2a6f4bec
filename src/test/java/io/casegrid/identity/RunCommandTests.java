package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.CasegridApplication;
import io.casegrid.DemoUsers;

import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the run command does with no Keycloak configured: the service starts a real Keycloak from the unpacked
 * distribution with the demo realm imported, keeps its store in its own folder, trusts its tokens, and stops it —
 * the whole process tree — when it stops.
 */
class RunCommandTests {

	@TempDir
	Path dataDir;

	@Test
	void serviceStartsItsOwnKeycloakWiredToTheApiAndStopsItWhenItStops() throws Exception {
		KeycloakServer keycloak;
		List<ProcessHandle> keycloakProcesses;
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CasegridApplication.class).run(
				"--casegrid.test.own-keycloak=true", "--server.port=0", "--casegrid.keycloak.embedded.port=0",
				"--casegrid.keycloak.embedded.data-dir=" + dataDir.resolve("keycloak"),
				"--casegrid.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
				"--casegrid.embedded-postgres.port=0", "--camunda.bpm.process-engine-name=runCommandTest",
				"--camunda.bpm.webapp.enabled=false", "--spring.jmx.enabled=false")) {
			keycloak = service.getBean(KeycloakServer.class);
			assertThat(service.getBean(KeycloakEndpoints.class).issuer()).isEqualTo(keycloak.issuerUri());
			keycloak.awaitReady();
			keycloakProcesses = ProcessHandle.current()
				.descendants()
				.filter(p -> p.info().commandLine().orElse("").contains(keycloak.issuerUri().replace(
						"/realms/casegrid", "")))
				.toList();
			assertThat(keycloakProcesses).as("kc.sh and its JVM, children of the service").isNotEmpty();

			String token = passwordToken(keycloak, DemoUsers.GRID_WORKER_DONGGUAN_1);
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			HttpResponse<String> units = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/org/units"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(units.statusCode()).isEqualTo(200);
			assertThat(units.body()).contains("东关社区第一网格");

			assertThat(dataDir.resolve("keycloak/keycloak.log")).exists();
			try (var store = Files.walk(dataDir.resolve("keycloak"))) {
				assertThat(store.map(Path::toString)).as("Keycloak's own dev store").anyMatch(p -> p.endsWith(".mv.db"));
			}
		}
		assertThat(keycloak.isRunning()).isFalse();
		assertThat(keycloakProcesses).noneMatch(ProcessHandle::isAlive);
		assertThat(listening(keycloak.port())).as("Keycloak's port is free again").isFalse();
	}

	/**
	 * Finding 8 of issue 10: after a kill -9 of the service, its Keycloak (kc.sh, which {@code exec}s a JVM in its own
	 * place) keeps running with the pid file. The next start must find and stop it, and must not take a server that
	 * answers on its port for its own.
	 */
	@Test
	void keycloakLeftRunningByAKilledServiceIsStoppedByTheNextStartAndNeverTakenForItsOwn() throws Exception {
		Path store = dataDir.resolve("keycloak");
		Path pidFile = store.resolve("keycloak.pid");
		KeycloakServer orphan = new KeycloakServer(TestKeycloak.settings(0, store)).start().awaitReady();
		List<ProcessHandle> keycloak = new java.util.ArrayList<>();
		try {
			// the service dies without a word: nothing calls close(), the pid file stays
			ProcessHandle recorded = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
			keycloak.addAll(Stream.concat(Stream.of(recorded), recorded.descendants()).toList());
			ProcessHandle jvm = keycloak.stream()
				.filter(p -> p.info().commandLine().orElse("").contains("io.quarkus.bootstrap.runner.QuarkusEntryPoint"))
				.findFirst()
				.orElseThrow();
			if (jvm.pid() != recorded.pid()) {
				// kc.sh re-augments on a fresh distribution and then exec()s the JVM in its own place, leaving the pid
				// file naming the JVM; on later starts it stays the JVM's parent. Bring this start to the first case.
				recorded.destroyForcibly();
				recorded.onExit().get();
				Files.writeString(pidFile, Long.toString(jvm.pid()));
			}

			KeycloakServer unstarted = new KeycloakServer(TestKeycloak.settings(orphan.port(), dataDir.resolve("kc2")));
			assertThatThrownBy(unstarted::start).as("a start on the port the orphan serves")
				.hasMessageContaining("Port " + orphan.port() + " on 127.0.0.1 is taken");
			assertThat(new KeycloakHealthIndicator(new KeycloakEndpoints(unstarted.issuerUri(), unstarted)).health()
				.getStatus()).as("health of a service whose own Keycloak is not the one answering").isEqualTo(Status.DOWN);

			OrphanedKeycloak.stopIfRunning(pidFile, store);

			assertThat(keycloak).as("kc.sh and its JVM").noneMatch(ProcessHandle::isAlive);
			assertThat(listening(orphan.port())).as("the orphan's port is free again").isFalse();
			assertThat(pidFile).doesNotExist();
		}
		finally {
			orphan.close();
			keycloak.forEach(ProcessHandle::destroyForcibly);
		}
	}

	private static String passwordToken(KeycloakServer keycloak, String username) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("grant_type=password&client_id=casegrid-cli&username=" + username + "&password=demo"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return new ObjectMapper().readTree(response.body()).get("access_token").asText();
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
