package io.casegrid.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak from the unpacked {@code keycloak-quarkus-dist}, run as a child process with
 * {@code kc.sh start-dev --import-realm} on 127.0.0.1. Its dev store (H2) lives in its own data directory, apart from
 * the service's PostgreSQL. {@link #start()} returns at once so the service boots alongside it;
 * {@link #awaitReady()} waits until the realm answers. {@link #close()} stops the whole process tree.
 */
public final class KeycloakServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

	/**
	 * What to start.
	 * @param home the unpacked distribution (holds {@code bin/kc.sh})
	 * @param dataDir Keycloak's own store and log; kept across restarts
	 * @param port the HTTP port, 0 for a free one
	 * @param realm the realm name, as in the realm export
	 * @param realmExport the realm export to import (ignored when the realm exists already)
	 * @param adminUsername the bootstrap administrator of the master realm (created on the first start only)
	 */
	public record Settings(Path home, Path dataDir, int port, String realm, Supplier<InputStream> realmExport,
			String adminUsername, String adminPassword, Duration startupTimeout) {
	}

	private final Settings settings;

	private final int port;

	private Process process;

	public KeycloakServer(Settings settings) {
		this.settings = settings;
		this.port = settings.port() == 0 ? freePort() : settings.port();
	}

	/** Launches Keycloak and returns without waiting for it. */
	public synchronized KeycloakServer start() {
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			throw new IllegalStateException("The embedded Keycloak runs on Linux and macOS (bin/kc.sh), not on Windows: "
					+ "run casegrid in WSL 2, or give it an external Keycloak (CASEGRID_KEYCLOAK_ISSUER_URI).");
		}
		Path kc = settings.home().resolve("bin/kc.sh");
		if (!Files.isRegularFile(kc)) {
			throw new IllegalStateException("No Keycloak distribution at " + settings.home().toAbsolutePath()
					+ ". The build unpacks org.keycloak:keycloak-quarkus-dist there (mvn process-resources); "
					+ "or set casegrid.keycloak.issuer-uri to use an external Keycloak.");
		}
		try {
			Files.createDirectories(settings.dataDir());
			OrphanedKeycloak.stopIfRunning(pidFile(), settings.dataDir());
			refuseTakenPort();
			importRealmExport();
			kc.toFile().setExecutable(true);
			ProcessBuilder builder = new ProcessBuilder(kc.toAbsolutePath().toString(), "start-dev", "--import-realm",
					"--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl(),
					// the dev store goes to our data directory instead of the distribution's own data/
					OrphanedKeycloak.storeOption(settings.dataDir()))
				.redirectErrorStream(true)
				.redirectOutput(logFile().toFile());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
			// the same JDK as the service, whatever JAVA_HOME says
			builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
			builder.environment().remove("JAVA_OPTS");
			process = builder.start();
			Files.writeString(pidFile(), Long.toString(process.pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Keycloak from " + settings.home(), ex);
		}
		log.info("Starting Keycloak {} on {} (store and log in {})", settings.home().getFileName(), baseUrl(),
				settings.dataDir().toAbsolutePath());
		return this;
	}

	/** Waits until the realm's OpenID configuration is served; fails early when the process dies. */
	public KeycloakServer awaitReady() {
		Instant deadline = Instant.now().plus(settings.startupTimeout());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest
			.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			Process running = process;
			if (running == null || !running.isAlive()) {
				throw new IllegalStateException("Keycloak stopped while starting; see " + logFile().toAbsolutePath()
						+ ":\n" + tailOfLog());
			}
			try {
				if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException("Keycloak did not serve realm " + settings.realm() + " within "
				+ settings.startupTimeout() + "; see " + logFile().toAbsolutePath() + ":\n" + tailOfLog());
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public String issuerUri() {
		return baseUrl() + "/realms/" + settings.realm();
	}

	public int port() {
		return port;
	}

	public Path logFile() {
		return settings.dataDir().resolve("keycloak.log");
	}

	public synchronized boolean isRunning() {
		return process != null && process.isAlive();
	}

	/** Stops kc.sh and the Keycloak JVM it started, gracefully first. */
	@Override
	public synchronized void close() {
		if (process == null) {
			return;
		}
		List<ProcessHandle> tree = process.descendants().toList();
		tree.forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			for (ProcessHandle child : tree) {
				child.onExit().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			tree.forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		process = null;
		try {
			Files.deleteIfExists(pidFile());
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", pidFile(), ex);
		}
		log.info("Keycloak on {} stopped", baseUrl());
	}

	/**
	 * Another server on our port would answer in our place, and {@link #awaitReady()} would take it for ours (a stale
	 * Keycloak that nothing stops, with another store): refuse instead.
	 */
	private void refuseTakenPort() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
		catch (IOException free) {
			return;
		}
		throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken by another program (a Keycloak "
				+ "started with another data directory?), so the Keycloak casegrid starts could not serve there. "
				+ "Stop that program, or set CASEGRID_KEYCLOAK_PORT to a free port.");
	}

	private Path pidFile() {
		return settings.dataDir().resolve("keycloak.pid");
	}

	/** {@code --import-realm} reads the distribution's data/import; written atomically as several JVMs may share it. */
	private void importRealmExport() throws IOException {
		Path importDir = settings.home().resolve("data/import");
		Files.createDirectories(importDir);
		Path temp = Files.createTempFile(importDir, settings.realm(), ".tmp");
		try (InputStream in = settings.realmExport().get()) {
			Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.move(temp, importDir.resolve(settings.realm() + "-realm.json"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	private String tailOfLog() {
		try {
			List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
