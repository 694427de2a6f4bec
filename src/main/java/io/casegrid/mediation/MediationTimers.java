package io.casegrid.mediation;

import io.casegrid.mediation.TieredMediationProcess.Ids;
import io.casegrid.mediation.TieredMediationProcess.Vars;
import io.casegrid.process.TimerDescription.TimerAction;
import io.casegrid.process.TimerDescription;
import io.casegrid.process.TimerVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timers of the mediation's diagrams (tiered mediation and the processes it calls) do when they fire. */
@Configuration(proxyBeanMethods = false)
class MediationTimers {

	@Bean
	TimerDescription mediationWarningTimerDescription() {
		return TimerDescription.fixed("MEDIATION_WARN", "调解时限即将届满：提醒调解委员会", Ids.TIMER_VILLAGE_WARNING);
	}

	@Bean
	TimerDescription mediationTimeUpTimerDescription() {
		return TimerDescription.of(timer -> new TimerAction("MEDIATION_TIME_UP", timer.name()),
				Ids.TIMER_VILLAGE_TIME_UP, Ids.TIMER_BRAND_ROOM_TIME_UP, Ids.TIMER_THREE_HEADS_TIME_UP,
				Ids.TIMER_COUNTY_TIME_UP);
	}

	@Bean
	TimerDescription opinionOverdueTimerDescription() {
		return TimerDescription.fixed("OPINION_REMINDER", "三长意见逾期：催办", Ids.TIMER_POLICE_OPINION_OVERDUE,
				Ids.TIMER_COURT_OPINION_OVERDUE, Ids.TIMER_JUDICIAL_OPINION_OVERDUE);
	}

	@Bean
	TimerDescription confirmationLapsedTimerDescription() {
		return TimerDescription.fixed("CONFIRMATION_LAPSED", "司法确认申请期满", Ids.TIMER_CONFIRMATION_LAPSED);
	}

	@Bean
	TimerVariables mediationTimerVariables() {
		return TimerVariables.of(Vars.VILLAGE_DUE_AT, Vars.VILLAGE_WARN_AT, Vars.LEVEL_DUE_AT, Vars.OPINION_DUE_AT,
				Vars.JUDICIAL_CONFIRMATION_DUE_AT);
	}
}
