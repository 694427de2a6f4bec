package io.casegrid.escalation;

import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timers of {@code three-level-response.bpmn} do when they fire. */
@Configuration(proxyBeanMethods = false)
class ThreeLevelResponseTimers {

	@Bean
	TimerDescription handleWarningTimerDescription() {
		return TimerDescription.of(
				timer -> new TimerAction("WARN", "办结时限过 75%：提醒 " + timer.variable(Vars.LEVEL_GROUP)),
				Ids.TIMER_HANDLE_WARNING);
	}

	@Bean
	TimerDescription handleBreachTimerDescription(ResponseLevels levels) {
		return TimerDescription.of(timer -> {
			var level = ResponseLevel.valueOf(timer.variable(Vars.RESPONSE_LEVEL));
			LevelAssignment next = levels.above(timer.caseId(), level);
			return next.level() == level ? new TimerAction("BREACH_RECORDED", "超时未办结：县级超时记录在案，重新计时")
					: new TimerAction(next.level().escalationAction(),
							"超时未办结：升级至 " + next.level() + " " + next.group());
		}, Ids.TIMER_HANDLE_BREACH);
	}

	@Bean
	TimerVariables handleTimerVariables() {
		return TimerVariables.of(Vars.HANDLE_DUE_AT, Vars.HANDLE_WARN_AT);
	}
}
