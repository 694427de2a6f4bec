package io.casegrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service under test, started from the bench build as a county would run it ({@code java -jar}) on its embedded
 * PostgreSQL ({@code fsync=on}, {@code synchronous_commit=on}) and its own Keycloak, in a throwaway data directory.
 */
final class Service implements AutoCloseable {

	/** How long the service may take to get ready: {@code -Dbench.readyMinutes=}. */

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	final int port;

	final int postgresPort;

	final int keycloakPort;

	final double secondsToReady;

	private final Path dataDir;

	private Service(Process process, Path dataDir, int port, int postgresPort, int keycloakPort,
			double secondsToReady) {
		this.process = process;
		this.dataDir = dataDir;
		this.port = port;
		this.postgresPort = postgresPort;
		this.keycloakPort = keycloakPort;
		this.secondsToReady = secondsToReady;
	}

	/**
	 * How long the service may take to get ready: 15 minutes by default ({@code -Dbench.readyMinutes}), since on a
	 * machine shared with other builds 5 minutes were not always enough (figures of such a run are noisy anyway).
	 */
	private static final Duration READY_WITHIN = Duration.ofMinutes(Integer.getInteger("bench.readyMinutes", 15));

	static Service start(Path jar, Path keycloakHome, Path dataDir, Path log, int port, List<String> jvmOptions,
			Map<String, String> settings) throws Exception {
		int postgresPort = port + 7400;
		int keycloakPort = port + 100;
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=bench"));
		settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("CASEGRID_DATA_DIR", dataDir.toString());
		builder.environment().put("CASEGRID_KEYCLOAK_HOME", keycloakHome.toString());
		builder.environment().put("PORT", Integer.toString(port));
		builder.environment().put("CASEGRID_PG_PORT", Integer.toString(postgresPort));
		builder.environment().put("CASEGRID_KEYCLOAK_PORT", Integer.toString(keycloakPort));
		Files.createDirectories(dataDir);
		// a restart (or a run just before) may find the last PostgreSQL or Keycloak still on its way out
		long free = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		for (int taken : new int[] { port, postgresPort, keycloakPort }) {
			while (!free(taken)) {
				if (System.nanoTime() > free) {
					throw new IllegalStateException("port " + taken + " is in use: is another benchmark still running?");
				}
				Thread.sleep(500);
			}
		}
		long began = System.nanoTime();
		Process process = builder.start();
		Service service = new Service(process, dataDir, port, postgresPort, keycloakPort, 0);
		while (!service.ready()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service stopped while starting; see " + log);
			}
			if (System.nanoTime() - began > READY_WITHIN.toNanos()) {
				throw new IllegalStateException("the service did not get ready in " + READY_WITHIN + "; see " + log);
			}
			Thread.sleep(200);
		}
		return new Service(process, dataDir, port, postgresPort, keycloakPort, (System.nanoTime() - began) / 1e9);
	}

	private static boolean free(int port) {
		try (var socket = new java.net.ServerSocket(port)) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean ready() {
		try {
			return get("/actuator/health/readiness").path("status").asText().equals("UP")
					&& http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	long pid() {
		return process.pid();
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	String issuer() {
		return "http://127.0.0.1:" + keycloakPort + "/realms/casegrid";
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
	}

	JsonNode get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), null);
	}

	JsonNode post(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()),
				null);
	}

	/** An API call as {@code who} (a demo user or {@link Tokens#HOTLINE}); a JSON body or null. */
	JsonNode api(String method, String path, String body, String who) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Bearer " + Tokens.of(who))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		return send(request, path);
	}

	private JsonNode send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " → "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
	}

	/**
	 * Resident set size in MB of the service's JVM, and of the PostgreSQL and Keycloak processes it started (found
	 * by their data directory on their command line). PostgreSQL's shared buffers count in every backend that
	 * touched them, so its figure is an upper bound.
	 */
	Map<String, Long> residentMegabytes() {
		long postgres = 0;
		long keycloak = 0;
		java.util.Set<Long> counted = new java.util.HashSet<>();
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String commandLine;
				try {
					commandLine = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
				}
				catch (IOException ex) {
					continue;
				}
				if (!commandLine.contains(dataDir.toString())) {
					continue;
				}
				long pid = Long.parseLong(proc.getFileName().toString());
				// PostgreSQL's backends are children of the postmaster and do not name the data directory
				long withChildren = rss(pid) + ProcessHandle.of(pid)
					.map(handle -> handle.descendants().filter(child -> counted.add(child.pid()))
						.mapToLong(child -> rss(child.pid())).sum())
					.orElse(0L);
				if (!counted.add(pid)) {
					continue;
				}
				if (commandLine.contains("keycloak")) {
					keycloak += withChildren;
				}
				else if (commandLine.contains("postgres")) {
					postgres += withChildren;
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return Map.of("serviceJvm", rss(process.pid()), "postgres", postgres, "keycloak", keycloak);
	}

	/** CPU seconds (user + system) used so far by the service's JVM and by its PostgreSQL (postmaster and backends). */
	Map<String, Double> cpuSeconds() {
		double postgres = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
					if (commandLine.contains(dataDir.toString()) && commandLine.contains("postgres")) {
						long pid = Long.parseLong(proc.getFileName().toString());
						// exited backends are counted in the postmaster's cutime/cstime
						postgres += cpu(pid, true) + ProcessHandle.of(pid)
							.map(h -> h.descendants().mapToDouble(child -> cpu(child.pid(), false)).sum())
							.orElse(0.0);
					}
				}
				catch (IOException ex) {
					// gone
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return Map.of("serviceJvm", cpu(process.pid(), false), "postgres", postgres);
	}

	private static double cpu(long pid, boolean withExitedChildren) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields from state (3rd): utime is the 14th field of the line, index 11 here
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			if (withExitedChildren) {
				ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
			}
			return ticks / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		return 0;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		// its PostgreSQL's shutdown checkpoint after a big load takes a while
		if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
