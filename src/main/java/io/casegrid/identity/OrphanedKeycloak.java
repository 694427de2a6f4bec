package io.casegrid.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the service was killed without a chance to stop its Keycloak (kill -9), kc.sh and its JVM keep the port and
 * the dev store. This stops such an orphan so a restart recovers by itself.
 * <p>
 * An orphan is recognised by its command line, which names the store ({@code -Dkc.db-url-path=<data dir>}): kc.sh
 * runs Keycloak's JVM as a child and, after the dev mode's first build, {@code exec}s a JVM in its own place, so the
 * process in the pid file may be kc.sh or a JVM (QuarkusEntryPoint), and the pid file may be gone. Any process that
 * uses this data directory is ours to stop: no two Keycloaks can share the store.
 */
final class OrphanedKeycloak {

	private static final Logger log = LoggerFactory.getLogger(OrphanedKeycloak.class);

	private OrphanedKeycloak() {
	}

	/** The option kc.sh passes on to Keycloak's JVM to put the dev store in {@code dataDir}. */
	static String storeOption(Path dataDir) {
		return "-Dkc.db-url-path=" + dataDir.toAbsolutePath();
	}

	/**
	 * Stops every process whose command line uses {@code dataDir} as its store (the one in the pid file first), then
	 * deletes the pid file.
	 * @throws IllegalStateException when an orphan does not stop
	 */
	static void stopIfRunning(Path pidFile, Path dataDir) throws IOException {
		String option = storeOption(dataDir);
		List<ProcessHandle> orphans = Stream.concat(fromPidFile(pidFile).stream(), ProcessHandle.allProcesses())
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.pid() != ProcessHandle.current().pid())
			.filter(p -> usesStore(p, option))
			.distinct()
			.toList();
		// a parent kc.sh first: it forwards the signal to its JVM
		orphans.forEach(OrphanedKeycloak::stop);
		Files.deleteIfExists(pidFile);
	}

	private static Optional<ProcessHandle> fromPidFile(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		String pid = Files.readString(pidFile).trim();
		if (pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(pid));
	}

	private static boolean usesStore(ProcessHandle process, String storeOption) {
		return process.info()
			.arguments()
			.map(args -> Stream.of(args).anyMatch(a -> a.equals(storeOption) || a.equals("'" + storeOption + "'")))
			.orElse(false);
	}

	private static void stop(ProcessHandle orphan) {
		if (!orphan.isAlive()) {
			return;
		}
		log.warn("Stopping an orphaned Keycloak (pid {}: {}) left running by an earlier unclean stop", orphan.pid(),
				orphan.info().command().orElse("?"));
		List<ProcessHandle> tree = orphan.descendants().toList();
		tree.forEach(ProcessHandle::destroy);
		orphan.destroy();
		try {
			orphan.onExit().get(30, TimeUnit.SECONDS);
			for (ProcessHandle child : tree) {
				child.onExit().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			tree.forEach(ProcessHandle::destroyForcibly);
			orphan.destroyForcibly();
			try {
				orphan.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception stillAlive) {
				throw new IllegalStateException("Orphaned Keycloak " + orphan.pid() + " did not stop; stop it by hand",
						stillAlive);
			}
		}
	}

}
