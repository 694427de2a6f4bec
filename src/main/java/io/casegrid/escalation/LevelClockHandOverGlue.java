package io.casegrid.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.escalation.ThreeLevelResponseProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.SlaClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 本级时钟交部门 / 恢复计时 in {@code three-level-response.bpmn}: around the whistled departments' reports the level's
 * clock pauses and resumes. In: caseId, slaClockId, levelGroup. Out (on resuming): handleDueAt, handleWarnAt, read by
 * the level's timers when the level's work starts again.
 */
@Configuration(proxyBeanMethods = false)
class LevelClockHandOverGlue {

	@Bean("handOverLevelClock")
	JavaDelegate handOverLevelClock(Escalations escalations) {
		return execution -> escalations.handOver(ProcessVariables.caseId(execution),
				EnterResponseLevelDelegate.clockId(execution), ProcessVariables.string(execution, Vars.LEVEL_GROUP),
				ProcessActor.current());
	}

	@Bean("takeBackLevelClock")
	JavaDelegate takeBackLevelClock(Escalations escalations) {
		return execution -> {
			SlaClock clock = escalations.takeBack(ProcessVariables.caseId(execution),
					EnterResponseLevelDelegate.clockId(execution), ProcessVariables.string(execution, Vars.LEVEL_GROUP),
					ProcessActor.current());
			execution.setVariable(Vars.HANDLE_DUE_AT, Date.from(clock.dueAt()));
			execution.setVariable(Vars.HANDLE_WARN_AT, Date.from(clock.warnAt()));
		};
	}

}
