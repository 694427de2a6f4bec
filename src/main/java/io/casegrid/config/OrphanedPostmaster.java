package io.casegrid.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the service was killed without a chance to stop its embedded PostgreSQL (kill -9, power loss of the JVM
 * only), the postmaster keeps running on the data directory and a new start would fail. This stops such an
 * orphan cleanly (SIGTERM, then waits) so the restart recovers by itself; PostgreSQL's own WAL recovery does the rest.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		if (firstLine.isEmpty() || !firstLine.chars().allMatch(Character::isDigit)) {
			return;
		}
		ProcessHandle.of(Long.parseLong(firstLine))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(OrphanedPostmaster::stop);
	}

	private static void stop(ProcessHandle postmaster) {
		log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left running by an earlier unclean stop",
				postmaster.pid());
		postmaster.destroy();
		try {
			postmaster.onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Orphaned PostgreSQL " + postmaster.pid() + " did not stop", ex);
		}
	}

}
