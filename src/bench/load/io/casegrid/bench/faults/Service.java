package io.casegrid.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One casegrid node as a separate JVM ({@code java -jar}), started the way an operator would, so that the harness
 * can {@code kill -9} it: the faults must hit the real process, not a Spring context inside the harness.
 */
final class Service implements AutoCloseable {

	private final String name;

	private final Settings settings;

	private final Map<String, String> env;

	private final List<String> args;

	private Process process;

	private int starts;

	/** Where the jar, Keycloak and Java are; shared by every node. */
	record Settings(Path jar, Path keycloakHome, String issuerUri, Path java) {
	}

	Service(String name, Settings settings, int port, Map<String, String> env, List<String> args) {
		this.name = name;
		this.settings = settings;
		this.env = new LinkedHashMap<>(env);
		this.env.put("PORT", Integer.toString(port));
		this.env.put("CASEGRID_KEYCLOAK_ISSUER_URI", settings.issuerUri());
		this.env.put("CASEGRID_KEYCLOAK_HOME", settings.keycloakHome().toString());
		this.args = List.copyOf(args);
		// an interrupted harness (Ctrl-C, the script's trap) stops its nodes, and they their databases
		Runtime.getRuntime().addShutdownHook(new Thread(this::close));
	}

	String name() {
		return name;
	}

	int port() {
		return Integer.parseInt(env.get("PORT"));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** Starts the JVM and waits until readiness says UP; returns how long that took. */
	synchronized Duration start(Path logDir) {
		long started = System.nanoTime();
		starts++;
		List<String> command = new ArrayList<>(List.of(settings.java().toString(), "-Xmx768m", "-XX:+UseSerialGC", "-jar",
				settings.jar().toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
		builder.environment().putAll(env);
		try {
			Files.createDirectories(logDir);
			process = builder.start();
			// for run-faults.sh's clean-up, should the harness itself die without its shutdown hooks
			Files.writeString(logDir.resolve(name + ".pid"), Long.toString(process.pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
		awaitReady(Duration.ofMinutes(4));
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " died while starting (exit " + process.exitValue() + ")");
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Pause.of(Duration.ofMillis(250));
		}
		throw new IllegalStateException(name + " was not ready within " + timeout);
	}

	/** SIGKILL: no shutdown hook, no graceful stop; an embedded PostgreSQL is left running as an orphan. */
	synchronized void kill9() {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			waitFor(Duration.ofSeconds(30));
		}
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	int starts() {
		return starts;
	}

	/** SIGTERM, the graceful stop (the service stops its embedded PostgreSQL itself). */
	@Override
	public synchronized void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!waitFor(Duration.ofSeconds(60))) {
				process.destroyForcibly();
				waitFor(Duration.ofSeconds(30));
			}
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
