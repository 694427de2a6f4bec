package io.casegrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;


/** Runs one Gatling simulation in this JVM and reads its figures back from the report it wrote. */
final class GatlingRun {

	/** Everything printed to the console since the first run (a few hundred kB for a whole benchmark). */
	private static final java.io.ByteArrayOutputStream CONSOLE = new java.io.ByteArrayOutputStream();

	static {
		System.setOut(new java.io.PrintStream(new TeeStream(System.out, CONSOLE), true,
				java.nio.charset.StandardCharsets.UTF_8));
	}

	private GatlingRun() {
	}

	/**
	 * @param settings system properties for the simulation ({@code bench.users}, {@code bench.seconds}, ...)
	 * @return per scope ({@code global} or a request name) its figures: rps, ok, ko, p50, p95, p99, max, plus the
	 * report's folder under {@code report}
	 */
	static Map<String, Object> run(Class<?> simulation, Path results, String description, Map<String, String> settings)
			throws IOException {
		settings.forEach(System::setProperty);
		Files.createDirectories(results);
		// Gatling 3.15 writes no machine-readable summary; it prints each assertion with its actual value. Gatling
		// keeps the console stream it first saw, so one tee is installed for the life of the JVM.
		int from = CONSOLE.size();
		int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] { "-s", simulation.getName(), "-rf",
				results.toString(), "-rd", description });
		Path report;
		try (Stream<Path> runs = Files.list(results)) {
			report = runs.filter(Files::isDirectory)
				.max(Comparator.comparingLong(p -> p.toFile().lastModified()))
				.orElseThrow();
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("report", report.toString() + "/index.html");
		figures.put("gatlingStatus", status);
		var line = java.util.regex.Pattern
			.compile("^(.+?): (.+?) is greater than or equal to .*\\(actual : ([-0-9.E]+|NaN)\\)$",
					java.util.regex.Pattern.MULTILINE)
			.matcher(CONSOLE.toString(java.nio.charset.StandardCharsets.UTF_8).substring(from));
		while (line.find()) {
			String scope = line.group(1);
			String target = line.group(2);
			double value = line.group(3).equals("NaN") ? 0 : Double.parseDouble(line.group(3));
			@SuppressWarnings("unchecked")
			Map<String, Object> of = (Map<String, Object>) figures.computeIfAbsent(
					scope.equals("Global") ? "global" : scope, k -> new LinkedHashMap<String, Object>());
			of.put(shortName(target), Math.round(value * 10) / 10.0);
		}
		return figures;
	}

	/** Copies what Gatling prints to the console and keeps it for reading. */
	private static final class TeeStream extends java.io.OutputStream {

		private final java.io.OutputStream first;

		private final java.io.OutputStream second;

		TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			first.write(b);
			second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			first.write(bytes, offset, length);
			second.write(bytes, offset, length);
		}

	}

	/** What Gatling calls a figure in its assertion line, and what the summary calls it. */
	private static final String[][] NAMES = { { "requests per second", "rps" }, { "successful", "ok" },
			{ "failed", "ko" }, { "min", "minMs" }, { "max", "maxMs" } };

	/** "99.9th percentile of response time" → p999ms, "50th …" → p50ms. */
	private static final java.util.regex.Pattern PERCENTILE = java.util.regex.Pattern
		.compile("([0-9]+(?:\\.[0-9]+)?)(?:st|nd|rd|th) percentile");

	private static String shortName(String target) {
		var percentile = PERCENTILE.matcher(target);
		if (percentile.find()) {
			return "p" + percentile.group(1).replace(".", "") + "ms";
		}
		for (String[] name : NAMES) {
			if (target.contains(name[0])) {
				return name[1];
			}
		}
		return target;
	}


}
