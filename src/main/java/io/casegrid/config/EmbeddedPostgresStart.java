package io.casegrid.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL, started on a thread of its own as soon as the context begins to refresh, so that it comes
 * up while Spring creates the beans that do not need it (start-up, docs/performance.md); {@link #await()} is where a
 * caller that needs the database waits. Its port is fixed before the start, so the JDBC URL is known at once.
 */
final class EmbeddedPostgresStart implements AutoCloseable {

	private final int port;

	private final CompletableFuture<EmbeddedPostgres> started;

	private EmbeddedPostgresStart(int port, CompletableFuture<EmbeddedPostgres> started) {
		this.port = port;
		this.started = started;
	}

	/** Begins the start and returns at once. */
	static EmbeddedPostgresStart begin(EmbeddedPostgresProperties properties) {
		int port = properties.port() == 0 ? freePort() : properties.port();
		CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				started.complete(start(properties, port));
			}
			catch (Throwable ex) {
				started.completeExceptionally(ex);
			}
		}, "embedded-postgres-start");
		starter.setDaemon(true);
		starter.start();
		return new EmbeddedPostgresStart(port, started);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
	}

	/** Waits until the server accepts connections; fails with the reason it did not start. */
	EmbeddedPostgres await() {
		try {
			return started.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (noBinariesForThisPlatform(cause)) {
				throw new IllegalStateException("No embedded PostgreSQL for this platform (" + System.getProperty("os.name")
						+ " " + System.getProperty("os.arch") + "): the build brings binaries for Linux and macOS on x86-64 "
						+ "and arm64 only (Maven profiles postgres-*). Use an external PostgreSQL here "
						+ "(SPRING_DATASOURCE_URL); on Windows, run casegrid in WSL 2.", cause);
			}
			throw new IllegalStateException("The embedded PostgreSQL did not start: " + cause.getMessage(), cause);
		}
	}

	/** Stops the server (after its start, when it is still starting); a start that failed leaves nothing to stop. */
	@Override
	public void close() throws IOException {
		EmbeddedPostgres postgres;
		try {
			postgres = started.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (ExecutionException failed) {
			return;
		}
		postgres.close();
	}

	private static EmbeddedPostgres start(EmbeddedPostgresProperties properties, int port) throws IOException {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		OrphanedPostmaster.stopIfRunning(dataDir);
		var builder = EmbeddedPostgres.builder();
		properties.settings().forEach(builder::setServerConfig);
		return builder.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	private static boolean noBinariesForThisPlatform(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (String.valueOf(t.getMessage()).contains("Missing embedded postgres binaries")) {
				return true;
			}
		}
		return false;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
