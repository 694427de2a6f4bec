package io.casegrid.config;

import java.util.List;

/** Production mode found demo settings; the service does not start. */
public class ProductionModeRefusal extends RuntimeException {

	private final List<String> problems;

	public ProductionModeRefusal(List<String> problems) {
		super("Production mode (CASEGRID_MODE=production) refuses to start:\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
