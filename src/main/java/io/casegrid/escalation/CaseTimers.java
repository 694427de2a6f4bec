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

import io.casegrid.whistle.DepartmentReportProcess;
import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;

import org.springframework.stereotype.Component;

/**
 * Reads the pending timers of a case from the engine (every process instance carries the case id as business key)
 * and says what each will do when it fires.
 */
@Component
class CaseTimers {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RepositoryService repository;

	private final ResponseLevels levels;

	CaseTimers(RuntimeService runtime, ManagementService management, RepositoryService repository,
			ResponseLevels levels) {
		this.runtime = runtime;
		this.management = management;
		this.repository = repository;
		this.levels = levels;
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
		String action;
		String description;
		switch (activityId) {
			case Ids.TIMER_HANDLE_WARNING -> {
				action = "WARN";
				description = "办结时限过 75%：提醒 " + runtime.getVariable(instance.getId(), Vars.LEVEL_GROUP);
			}
			case Ids.TIMER_HANDLE_BREACH -> {
				var level = ResponseLevel.valueOf((String) runtime.getVariable(instance.getId(), Vars.RESPONSE_LEVEL));
				LevelAssignment next = levels.above(caseId, level);
				action = next.level() == level ? "BREACH_RECORDED" : next.level().escalationAction();
				description = next.level() == level ? "超时未办结：县级超时记录在案，重新计时"
						: "超时未办结：升级至 " + next.level() + " " + next.group();
			}
			case DepartmentReportProcess.Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE,
					DepartmentReportProcess.Ids.TIMER_HANDLING_OVERDUE -> {
				action = "SUPERVISION_ORDER";
				description = "部门" + (activityId.equals(DepartmentReportProcess.Ids.TIMER_HANDLING_OVERDUE) ? "办理" : "报到")
						+ "超时：对 " + runtime.getVariable(instance.getId(), DepartmentReportProcess.Vars.REPORT_DEPARTMENT)
						+ " 下督办单（已督办过的报县级）";
			}
			case "BoundaryEvent_EvaluationOverdue" -> {
				action = "EVALUATION_DEFAULT";
				description = "评价期满未评价：按满意记录";
			}
			case "BoundaryEvent_VillageWarning" -> {
				action = "MEDIATION_WARN";
				description = "调解时限即将届满：提醒调解委员会";
			}
			case "BoundaryEvent_Silence" -> {
				action = "RE_ALERT";
				description = "县级指挥未接报：再次告警";
			}
			case "BoundaryEvent_PoliceOpinionOverdue", "BoundaryEvent_CourtOpinionOverdue",
					"BoundaryEvent_JudicialOpinionOverdue" -> {
				action = "OPINION_REMINDER";
				description = "三长意见逾期：催办";
			}
			case "BoundaryEvent_ConfirmationLapsed" -> {
				action = "CONFIRMATION_LAPSED";
				description = "司法确认申请期满";
			}
			default -> {
				action = activityId.endsWith("TimeUp") ? "MEDIATION_TIME_UP" : "OTHER";
				description = name;
			}
		}
		return new PendingTimer(job.getId(), job.getProcessDefinitionKey(), activityId, name, action, description,
				job.getDuedate().toInstant(), job.isSuspended());
	}

}
