package io.casegrid.whistle;

import static io.casegrid.worklist.OutcomeField.orgUnit;
import static io.casegrid.worklist.OutcomeField.text;

import io.casegrid.whistle.DepartmentReportProcess.Ids;
import io.casegrid.whistle.DepartmentReportProcess.Vars;
import io.casegrid.worklist.TaskContract;
import io.casegrid.worklist.TaskOutcome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the user tasks of {@code department-report.bpmn} ask, for the REST API and the Camunda Forms alike. */
@Configuration(proxyBeanMethods = false)
class DepartmentReportTaskContracts {

	@Bean
	TaskContract acknowledgeTask() {
		return TaskContract.of(Ids.TASK_ACKNOWLEDGE, Vars.ACKNOWLEDGE_OUTCOME, TaskOutcome.of("ACKNOWLEDGE", "报到接单"),
				TaskOutcome.of("RETURN", "退单", text("returnReason", "退单理由", true)));
	}

	@Bean
	TaskContract departmentHandleTask() {
		return TaskContract.of(Ids.TASK_DEPARTMENT_HANDLE, Vars.DEPARTMENT_OUTCOME,
				TaskOutcome.of("REPORTED", "办理完毕，反馈结果", text("reportSummary", "办理情况", true)));
	}

	@Bean
	TaskContract confirmJurisdictionTask() {
		return TaskContract.of(Ids.TASK_CONFIRM_JURISDICTION, Vars.JURISDICTION_DECISION,
				TaskOutcome.of("REDISPATCH", "转交其他部门", orgUnit(Vars.NEW_DEPARTMENT_CODE, "负责部门（组织编码）"),
						text("jurisdictionNote", "确权依据", true)),
				TaskOutcome.of("KEEP", "维持原部门", text("jurisdictionNote", "确权依据", true)));
	}

}
