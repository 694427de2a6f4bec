package io.casegrid.worklist;

import java.util.List;

/** A task contract given as data, for features that declare many tasks at once. */
public record TaskContract(String taskKey, String outcomeVariable, List<TaskOutcome> outcomes)
		implements UserTaskContract {

	public static TaskContract of(String taskKey, String outcomeVariable, TaskOutcome... outcomes) {
		return new TaskContract(taskKey, outcomeVariable, List.of(outcomes));
	}

}
