package io.casegrid.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of the service and says where its CPU time went: the hottest methods (top frames of the
 * execution samples), and, by package, what the samples were doing (the engine, JDBC, our code, Spring, ...).
 */
final class Profile {

	private Profile() {
	}

	static Map<String, Object> summarize(Path recording) throws IOException {
		Map<String, Integer> methods = new HashMap<>();
		Map<String, Integer> layers = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			RecordedFrame top = frames.get(0);
			methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
			layers.merge(layer(frames), 1, Integer::sum);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("executionSamples", samples);
		result.put("byLayer", top(layers, 15, samples));
		result.put("hottestMethods", top(methods, 25, samples));
		return result;
	}

	/** The first frame from the top, past the JDK's own, that belongs to a layer we can name. */
	private static String layer(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
				continue;
			}
			for (String[] layer : LAYERS) {
				if (type.startsWith(layer[0])) {
					return layer[1];
				}
			}
		}
		return "JDK only (GC-free JIT'd JDK code, e.g. idle threads)";
	}

	private static final String[][] LAYERS = { { "org.postgresql", "JDBC driver (PostgreSQL)" },
			{ "com.zaxxer.hikari", "connection pool" }, { "org.apache.ibatis", "MyBatis (engine persistence)" },
			{ "org.camunda.bpm.dmn", "DMN engine" }, { "org.camunda.feel", "FEEL" },
			{ "org.camunda.bpm.model", "BPMN model API" }, { "org.camunda", "Camunda engine" },
			{ "io.casegrid", "casegrid" }, { "com.fasterxml.jackson", "Jackson" },
			{ "org.springframework.security", "Spring Security" }, { "com.nimbusds", "JWT (Nimbus)" },
			{ "org.springframework.jdbc", "Spring JDBC" }, { "org.springframework.data", "Spring Data JDBC" },
			{ "org.springframework", "Spring" }, { "org.apache.catalina", "Tomcat" },
			{ "org.apache.tomcat", "Tomcat" }, { "org.apache.coyote", "Tomcat" }, { "ch.qos.logback", "logging" } };

	private static List<Map<String, Object>> top(Map<String, Integer> counts, int limit, int total) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.map(e -> Map.<String, Object>of("name", e.getKey(), "samples", e.getValue(), "share",
					Math.round(e.getValue() * 1000.0 / Math.max(1, total)) / 10.0 + "%"))
			.toList();
	}

}
