package io.casegrid.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario's figures (for summary.json and docs/reliability.md) and the assertions it failed. */
final class Findings {

	private final String scenario;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final List<String> violations = new ArrayList<>();

	Findings(String scenario) {
		this.scenario = scenario;
	}

	String scenario() {
		return scenario;
	}

	void figure(String name, Object value) {
		Object shown = value instanceof Duration d ? Math.round(d.toMillis() / 100.0) / 10.0 : value;
		figures.put(name, shown);
		System.out.printf("[%s] %s = %s%n", scenario, name, shown);
	}

	/** Records a violation unless the condition holds. */
	void check(boolean holds, String violation) {
		if (!holds) {
			violations.add(violation);
			System.out.printf("[%s] VIOLATED: %s%n", scenario, violation);
		}
	}

	void fail(String violation) {
		check(false, violation);
	}

	boolean passed() {
		return violations.isEmpty();
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("scenario", scenario);
		map.put("passed", passed());
		map.put("figures", figures);
		map.put("violations", violations);
		return map;
	}

	/** At most ten examples of a list, for a readable violation. */
	static String sample(List<?> items) {
		return items.size() <= 10 ? items.toString() : items.subList(0, 10) + " … (" + items.size() + " in all)";
	}

}
