package io.casegrid.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription.WaitingTimer;
import io.casegrid.process.TimerDescriptions;

import org.springframework.stereotype.Component;

/**
 * Reads the pending timers of a case from the engine (every process instance carries the case id as business key)
 * and says what each will do when it fires, in the words of the feature that owns the timer.
 */
@Component
class CaseTimers {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RepositoryService repository;

	private final TimerDescriptions descriptions;

	CaseTimers(RuntimeService runtime, ManagementService management, RepositoryService repository,
			TimerDescriptions descriptions) {
		this.runtime = runtime;
		this.management = management;
		this.repository = repository;
		this.descriptions = descriptions;
	}

	List<PendingTimer> of(UUID caseId) {
		List<PendingTimer> timers = new ArrayList<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.list()) {
			for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
				timers.add(inWords(caseId, instance, job));
			}
		}
		timers.sort(Comparator.comparing(PendingTimer::dueAt));
		return timers;
	}

	private PendingTimer inWords(UUID caseId, ProcessInstance instance, Job job) {
		String activityId = management.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult()
			.getActivityId();
		FlowElement element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
			.getModelElementById(activityId);
		String name = element == null || element.getName() == null ? activityId : element.getName();
		TimerAction described = descriptions
			.describe(new WaitingTimer(caseId, activityId, name, variable -> runtime.getVariable(instance.getId(), variable)));
		return new PendingTimer(job.getId(), job.getProcessDefinitionKey(), activityId, name, described.action(),
				described.description(), job.getDuedate().toInstant(), job.isSuspended());
	}

}
