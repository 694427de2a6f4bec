package io.casegrid.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts the warnings {@code LoggingHandlerNotifier} sent, from the nodes' logs: the notifier is the one effect of a
 * timer job outside the database, so a job run twice would show here even when its database writes happened once.
 */
final class NotifierLog {

	private static final Pattern WARNED = Pattern.compile("Case ([0-9a-f-]{36}) is due at .*; warned handlers of");

	private NotifierLog() {
	}

	/** Calls per case (count → cases), over every node log in the directory. */
	static Map<Long, Long> perCase(Path logDir, Collection<UUID> caseIds) {
		Map<UUID, Long> calls = new HashMap<>();
		caseIds.forEach(id -> calls.put(id, 0L));
		try (Stream<Path> logs = Files.list(logDir)) {
			for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
				// byte-wise: only the ASCII message matters, whatever else the log holds
				try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
					lines.map(WARNED::matcher).filter(Matcher::find).map(m -> UUID.fromString(m.group(1)))
						.filter(calls::containsKey).forEach(id -> calls.merge(id, 1L, Long::sum));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<Long, Long> histogram = new TreeMap<>();
		calls.values().forEach(n -> histogram.merge(n, 1L, Long::sum));
		return histogram;
	}

}
