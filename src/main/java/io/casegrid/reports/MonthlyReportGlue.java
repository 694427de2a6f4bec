package io.casegrid.reports;

import java.time.YearMonth;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.reports.MonthlyReportProcess.Vars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The building blocks of {@code monthly-report.bpmn}, one per element, each calling {@link MonthlyReports}. */
@Configuration(proxyBeanMethods = false)
class MonthlyReportGlue {

	@Bean("computeMonthlyReport")
	JavaDelegate computeMonthlyReport(MonthlyReports reports) {
		return execution -> {
			String month = ProcessVariables.string(execution, Vars.MONTH);
			String unit = ProcessVariables.string(execution, Vars.UNIT);
			YearMonth reported = month == null ? reports.previousMonth() : YearMonth.parse(month);
			String unitCode = unit == null ? reports.defaultUnit() : unit;
			MonthlyReport draft = reports.compute(unitCode, reported, execution.getProcessInstanceId());
			execution.setVariable(Vars.MONTH, reported.toString());
			execution.setVariable(Vars.UNIT, unitCode);
			execution.setVariable(Vars.REPORT_ID, draft.id().toString());
		};
	}

	@Bean("recordReportReview")
	TaskListener recordReportReview() {
		return task -> task.setVariable(Vars.REVIEWED_BY, ProcessActor.current());
	}

	@Bean("publishMonthlyReport")
	JavaDelegate publishMonthlyReport(MonthlyReports reports) {
		return execution -> reports.publish(UUID.fromString(ProcessVariables.string(execution, Vars.REPORT_ID)),
				ProcessVariables.string(execution, Vars.REVIEW_COMMENT),
				ProcessVariables.string(execution, Vars.REVIEWED_BY));
	}

}
