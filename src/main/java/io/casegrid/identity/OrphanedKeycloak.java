package io.casegrid.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the service was killed without a chance to stop its Keycloak (kill -9), kc.sh and its JVM keep the port and
 * the dev store. This stops such an orphan, found by the pid file the last start wrote, so a restart recovers by itself.
 */
final class OrphanedKeycloak {

	private static final Logger log = LoggerFactory.getLogger(OrphanedKeycloak.class);

	private OrphanedKeycloak() {
	}

	static void stopIfRunning(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String pid = Files.readString(pidFile).trim();
		if (pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) {
			return;
		}
		ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).filter(OrphanedKeycloak::isKcScript)
			.ifPresent(OrphanedKeycloak::stop);
		Files.deleteIfExists(pidFile);
	}

	private static boolean isKcScript(ProcessHandle process) {
		return process.info()
			.arguments()
			.map(Arrays::asList)
			.map(args -> args.stream().anyMatch(a -> a.endsWith("kc.sh")))
			.orElse(false);
	}

	private static void stop(ProcessHandle kcScript) {
		log.warn("Stopping an orphaned Keycloak (kc.sh pid {}) left running by an earlier unclean stop", kcScript.pid());
		List<ProcessHandle> tree = kcScript.descendants().toList();
		tree.forEach(ProcessHandle::destroy);
		kcScript.destroy();
		try {
			kcScript.onExit().get(30, TimeUnit.SECONDS);
			for (ProcessHandle child : tree) {
				child.onExit().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			tree.forEach(ProcessHandle::destroyForcibly);
			kcScript.destroyForcibly();
		}
	}

}
