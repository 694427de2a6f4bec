package io.casegrid.escalation;

import io.casegrid.escalation.SupervisionOrderProcess.Ids;
import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timers of {@code supervision-order.bpmn} do when they fire. */
@Configuration(proxyBeanMethods = false)
class SupervisionTimers {

	@Bean
	TimerDescription supervisionReplyOverdueTimerDescription() {
		return TimerDescription.fixed("SUPERVISION_MISSED", "督办期限届满未回复：报县综治中心约谈或督办审核",
				Ids.TIMER_REPLY_OVERDUE);
	}

	@Bean
	TimerVariables supervisionTimerVariables() {
		return TimerVariables.of(SupervisionOrderProcess.Vars.REPLY_DUE_AT);
	}
}
