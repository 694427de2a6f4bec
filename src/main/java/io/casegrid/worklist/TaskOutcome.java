package io.casegrid.worklist;

import java.util.List;

/** One way to complete a task, e.g. {@code RESOLVED} 已办结, with the fields it takes. */
public record TaskOutcome(String code, String label, List<OutcomeField> fields) {

	public static TaskOutcome of(String code, String label, OutcomeField... fields) {
		return new TaskOutcome(code, label, List.of(fields));
	}

}
