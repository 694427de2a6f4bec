package io.casegrid.reports;

import static io.casegrid.worklist.OutcomeField.text;

import io.casegrid.process.TimerDescription;
import io.casegrid.reports.MonthlyReportProcess.Ids;
import io.casegrid.reports.MonthlyReportProcess.Vars;
import io.casegrid.worklist.TaskContract;
import io.casegrid.worklist.TaskOutcome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the review of {@code monthly-report.bpmn} asks, and what its timer does. */
@Configuration(proxyBeanMethods = false)
class MonthlyReportTaskContracts {

	@Bean
	TaskContract reviewMonthlyReportTask() {
		return TaskContract.of(Ids.TASK_REVIEW, Vars.DECISION,
				TaskOutcome.of("PUBLISH", "发布", text(Vars.REVIEW_COMMENT, "审核意见", false)),
				TaskOutcome.of("REGENERATE", "重新生成", text(Vars.REVIEW_COMMENT, "审核意见", false)));
	}

	@Bean
	TimerDescription monthlyReportStartTimerDescription() {
		return TimerDescription.fixed("MONTHLY_REPORT", "每月1日生成上月专报，交县综治中心审核", Ids.START);
	}

}
