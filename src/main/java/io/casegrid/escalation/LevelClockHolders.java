package io.casegrid.escalation;

import java.util.UUID;

import io.casegrid.escalation.ThreeLevelResponseProcess.Ids;
import io.casegrid.security.Actor;
import io.casegrid.sla.ClockHolders;
import io.casegrid.worklist.CaseActions;

import org.springframework.stereotype.Component;

/** The clock of a case runs for the level that handles it: its 分级办理 task's holder may pause and resume it. */
@Component
class LevelClockHolders implements ClockHolders {

	private final CaseActions actions;

	LevelClockHolders(CaseActions actions) {
		this.actions = actions;
	}

	@Override
	public void requireHolds(UUID caseId, Actor actor) {
		actions.openTaskToWork(caseId, actor, Ids.TASK_HANDLE_AT_LEVEL);
	}

}
