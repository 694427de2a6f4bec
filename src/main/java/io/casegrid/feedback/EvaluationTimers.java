package io.casegrid.feedback;

import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the evaluation timer of {@code case-lifecycle.bpmn} does when it fires. */
@Configuration(proxyBeanMethods = false)
class EvaluationTimers {

	@Bean
	TimerDescription evaluationOverdueTimerDescription() {
		return TimerDescription.fixed("EVALUATION_DEFAULT", "评价期满未评价：按满意记录", Ids.TIMER_EVALUATION_OVERDUE);
	}

	@Bean
	TimerVariables evaluationTimerVariables() {
		return TimerVariables.of(CaseLifecycleProcess.Vars.EVALUATION_DUE_AT);
	}
}
