package io.casegrid.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 17 the harness owns (the same zonky binaries the service embeds), for the scenarios that stop the
 * database under a running service or share it between two nodes: the nodes reach it through
 * SPRING_DATASOURCE_URL, as they would an external database. Same durability settings as the embedded one.
 */
final class Postgres implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres server;

	Postgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** Starts (or starts again) the cluster on the same directory and port; returns how long it took. */
	synchronized Duration start() {
		long started = System.nanoTime();
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** pg_ctl stop -m fast: open connections are cut, as when the database host goes away. */
	synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server = null;
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	@Override
	public void close() {
		stop();
	}

}
