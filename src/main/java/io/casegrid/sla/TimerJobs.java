package io.casegrid.sla;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.stereotype.Component;

/**
 * The engine side of a clock: the timer jobs, process variables and task due dates that carry its times. A clock that
 * moves moves these with it, so that no timer fires on a stale time.
 */
@Component
class TimerJobs {

	private final ManagementService management;

	private final RuntimeService runtime;

	private final TaskService tasks;

	TimerJobs(ManagementService management, RuntimeService runtime, TaskService tasks) {
		this.management = management;
		this.runtime = runtime;
		this.tasks = tasks;
	}

	/**
	 * A paused clock must not fire: its timers are suspended until it resumes (the new due time is not known before
	 * then).
	 */
	void hold(TimerBinding binding) {
		if (binding == null) {
			return; // a clock no BPMN timer reads (签收, 派单, 回音 …)
		}
		forEachTimer(binding, binding.dueTimer(), job -> management.suspendJobById(job.getId()));
		forEachTimer(binding, binding.warnTimer(), job -> management.suspendJobById(job.getId()));
	}

	/** Moves the timers, variables and task due dates from the old times to the new ones, and lets them fire again. */
	void move(TimerBinding binding, Instant oldDue, Instant newDue, Instant newWarn) {
		if (binding == null || !instanceExists(binding)) {
			return;
		}
		forEachTimer(binding, binding.dueTimer(), job -> moveJob(job, newDue));
		forEachTimer(binding, binding.warnTimer(), job -> moveJob(job, newWarn));
		if (binding.dueVariable() != null) {
			runtime.setVariable(binding.processInstanceId(), binding.dueVariable(), Date.from(newDue));
		}
		if (binding.warnVariable() != null) {
			runtime.setVariable(binding.processInstanceId(), binding.warnVariable(), Date.from(newWarn));
		}
		tasks.createTaskQuery().processInstanceId(binding.processInstanceId()).list().forEach(task -> {
			if (task.getDueDate() != null && Objects.equals(task.getDueDate().toInstant(), oldDue)) {
				task.setDueDate(Date.from(newDue));
				tasks.saveTask(task);
			}
		});
	}

	private void moveJob(Job job, Instant due) {
		management.setJobDuedate(job.getId(), Date.from(due));
		// only a held job needs activating: a bulk update that, inside a running engine command (a task listener
		// granting an extension), would race the job entity just updated
		if (job.isSuspended()) {
			management.activateJobById(job.getId());
		}
	}

	private boolean instanceExists(TimerBinding binding) {
		return runtime.createProcessInstanceQuery().processInstanceId(binding.processInstanceId()).count() > 0;
	}

	private void forEachTimer(TimerBinding binding, String activityId, java.util.function.Consumer<Job> action) {
		if (binding == null || activityId == null) {
			return;
		}
		management.createJobQuery()
			.processInstanceId(binding.processInstanceId())
			.activityId(activityId)
			.timers()
			.list()
			.forEach(action);
	}

}
