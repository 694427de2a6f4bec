package io.casegrid.reports;

import io.casegrid.process.TimerDescription;
import io.casegrid.reports.MonthlyReportProcess.Ids;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the timer of {@code monthly-report.bpmn} does. What its review asks is its form
 * ({@code processes/forms/review-monthly-report.form}).
 */
@Configuration(proxyBeanMethods = false)
class MonthlyReportTimers {

	@Bean
	TimerDescription monthlyReportStartTimerDescription() {
		return TimerDescription.fixed("MONTHLY_REPORT", "每月1日生成上月专报，交县综治中心审核", Ids.START);
	}

}
