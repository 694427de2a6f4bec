package io.casegrid.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.casegrid.bench.Tokens;

/** What every scenario shares: where to work, how to start a node, the demo users' tokens and the intake client. */
record Bench(Path workDir, Service.Settings service, Tokens tokens, IntakeClient client, Path logDir) {

	/**
	 * A node of the service on a free port; host name {@code name} in Camunda's job log tells the nodes apart (the
	 * full job log: by default a county's history level logs only failed jobs).
	 */
	Service node(String name, Map<String, String> env) {
		return new Service(name, service, freePort(), env,
				List.of("--camunda.bpm.generic-properties.properties.hostname=" + name,
						"--casegrid.engine-history.full-job-log=true"));
	}

	/** The environment of a node on the harness's PostgreSQL (the external-database mode), data under {@code dir}. */
	Map<String, String> onDatabase(Postgres postgres, String dir) {
		return Map.of("SPRING_DATASOURCE_URL", postgres.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
				"CASEGRID_DATA_DIR", workDir.resolve(dir).toString());
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
