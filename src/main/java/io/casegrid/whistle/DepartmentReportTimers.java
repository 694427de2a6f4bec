package io.casegrid.whistle;

import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;
import io.casegrid.whistle.DepartmentReportProcess.Ids;
import io.casegrid.whistle.DepartmentReportProcess.Vars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timers of {@code department-report.bpmn} do when they fire. */
@Configuration(proxyBeanMethods = false)
class DepartmentReportTimers {

	@Bean
	TimerDescription departmentOverdueTimerDescription() {
		return TimerDescription.of(timer -> new TimerAction("SUPERVISION_ORDER",
				"部门" + (timer.timerId().equals(Ids.TIMER_HANDLING_OVERDUE) ? "办理" : "报到") + "超时：对 "
						+ timer.variable(Vars.REPORT_DEPARTMENT) + " 下督办单（已督办过的报县级）"),
				Ids.TIMER_ACKNOWLEDGEMENT_OVERDUE, Ids.TIMER_HANDLING_OVERDUE);
	}

	@Bean
	TimerVariables departmentReportTimerVariables() {
		return TimerVariables.of(Vars.ACK_DUE_AT, Vars.DEPARTMENT_DUE_AT);
	}
}
