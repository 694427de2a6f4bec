package io.casegrid.emergency;

import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timer of {@code emergency-direct-report.bpmn} does when it fires. */
@Configuration(proxyBeanMethods = false)
class EmergencyTimers {

	static final String TIMER_SILENCE = "BoundaryEvent_Silence";

	/** The re-alert cycle the silence timer reads (R/PT15M …), set by 确定告警时限. */
	static final String REALERT_CYCLE = "emergencyRealertCycle";

	@Bean
	TimerDescription emergencySilenceTimerDescription() {
		return TimerDescription.fixed("RE_ALERT", "县级指挥未接报：再次告警", TIMER_SILENCE);
	}

	@Bean
	TimerVariables emergencyTimerVariables() {
		return TimerVariables.of(REALERT_CYCLE);
	}
}
