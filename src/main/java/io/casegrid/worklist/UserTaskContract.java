package io.casegrid.worklist;

import java.util.List;

/**
 * What a user task of a process asks of the person or app that completes it: the outcomes it allows, each with its
 * fields, and the process variable the chosen outcome is written to. Each feature declares the contracts of its
 * tasks as beans; apps read them from the task and never need process variable names.
 */
public interface UserTaskContract {

	/** The BPMN id of the user task, e.g. {@code Task_Handle}. */
	String taskKey();

	/** The process variable that receives the outcome code. */
	String outcomeVariable();

	List<TaskOutcome> outcomes();

}
