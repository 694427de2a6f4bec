package io.casegrid.whistle;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

import io.casegrid.escalation.SupervisionOrders;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.TimerBinding;
import io.casegrid.whistle.DepartmentReportProcess.Ids;
import io.casegrid.whistle.DepartmentReportProcess.Vars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The building blocks of {@code department-report.bpmn}. In: caseId, caseNumber (forms), reportDepartment,
 * leadDepartment, whistledBy; the SLA class is the case file's. Each reads its variables, calls
 * {@link DepartmentReports} or {@link SupervisionOrders}, and writes the due times the diagram's timers read
 * (ackDueAt, departmentDueAt).
 */
@Configuration(proxyBeanMethods = false)
class DepartmentReportGlue {

	@Bean("openDepartmentReport")
	JavaDelegate openDepartmentReport(DepartmentReports reports) {
		return execution -> {
			SlaClock clock = reports.open(ProcessVariables.caseId(execution), department(execution),
					new TimerBinding(execution.getProcessInstanceId(), Vars.ACK_DUE_AT, null,
							Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE, null),
					ProcessActor.current());
			execution.setVariable(Vars.REPORT_CLOCK_ID, clock.id().toString());
			execution.setVariable(Vars.ACK_DUE_AT, Date.from(clock.dueAt()));
		};
	}

	@Bean("recordAcknowledgement")
	TaskListener recordAcknowledgement(DepartmentReports reports) {
		return task -> {
			String actor = ProcessActor.current();
			ProcessVariables.takeComment(task);
			if (DepartmentReportOutcomes.ACKNOWLEDGE.equals(ProcessVariables.string(task, Vars.ACKNOWLEDGE_OUTCOME))) {
				SlaClock handling = reports.acknowledge(ProcessVariables.caseId(task), department(task), clockId(task),
						new TimerBinding(task.getProcessInstanceId(), Vars.DEPARTMENT_DUE_AT, null,
								Ids.TIMER_HANDLING_OVERDUE, null),
						actor);
				task.setVariable(Vars.REPORT_CLOCK_ID, handling.id().toString());
				task.setVariable(Vars.DEPARTMENT_DUE_AT, Date.from(handling.dueAt()));
			}
			else {
				reports.returnItem(ProcessVariables.caseId(task), department(task), clockId(task),
						ProcessVariables.string(task, "returnReason"), actor);
			}
		};
	}

	@Bean("recordJurisdiction")
	TaskListener recordJurisdiction(DepartmentReports reports) {
		return task -> {
			ProcessVariables.takeComment(task);
			String returnedBy = department(task);
			String responsible = DepartmentReportOutcomes.REDISPATCH.equals(ProcessVariables.string(task, Vars.JURISDICTION_DECISION))
					? ProcessVariables.string(task, Vars.NEW_DEPARTMENT_CODE) : returnedBy;
			reports.confirmJurisdiction(ProcessVariables.caseId(task), returnedBy, responsible,
					ProcessVariables.string(task, "jurisdictionNote"), ProcessActor.current());
			task.setVariable(Vars.REPORT_DEPARTMENT, responsible);
		};
	}

	@Bean("recordDepartmentReport")
	TaskListener recordDepartmentReport(DepartmentReports reports) {
		return task -> {
			ProcessVariables.takeComment(task);
			String department = department(task);
			reports.report(ProcessVariables.caseId(task), department, clockId(task),
					ProcessVariables.string(task, "reportSummary"),
					department.equals(ProcessVariables.string(task, Vars.LEAD_DEPARTMENT)), ProcessActor.current());
		};
	}

	@Bean("closeWithdrawnDepartment")
	JavaDelegate closeWithdrawnDepartment(DepartmentReports reports) {
		return execution -> reports.withdraw(ProcessVariables.caseId(execution), department(execution),
				clockId(execution), ProcessVariables.string(execution, Vars.WITHDRAW_REASON), ProcessActor.current());
	}

	@Bean("superviseDepartment")
	JavaDelegate superviseDepartment(SupervisionOrders supervision) {
		return execution -> {
			boolean acknowledgement = Ids.TASK_SUPERVISE_ACKNOWLEDGEMENT.equals(execution.getCurrentActivityId());
			var deadline = supervision.supervise(ProcessVariables.caseId(execution), department(execution),
					acknowledgement ? Phase.ACCEPTANCE : Phase.HANDLING, clockId(execution),
					ProcessVariables.string(execution, Vars.WHISTLED_BY), ProcessActor.current());
			execution.setVariable(acknowledgement ? Vars.ACK_DUE_AT : Vars.DEPARTMENT_DUE_AT, Date.from(deadline));
		};
	}

	private static String department(VariableScope scope) {
		return ProcessVariables.string(scope, Vars.REPORT_DEPARTMENT);
	}

	private static UUID clockId(VariableScope scope) {
		return UUID.fromString(ProcessVariables.string(scope, Vars.REPORT_CLOCK_ID));
	}

}
