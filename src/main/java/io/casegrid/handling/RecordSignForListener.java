package io.casegrid.handling;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;

import org.springframework.stereotype.Component;

/**
 * 签收 of a dispatched handling task (办理, 分级办理): when the task is created its sign-for clock (phase ACCEPTANCE of
 * {@code sla-policy.dmn}) starts on the unit it is offered to; when someone takes it (签收) the case is in handling and
 * the clock is met. A unit signs for a case once: the task back after 延期, 吹哨 or 重办 has no new clock. Completing it unclaimed counts as taking it; a task withdrawn unclaimed (the level escalated)
 * stops the clock as ESCALATED, or BREACHED when its limit had passed.
 */
@Component("recordSignFor")
class RecordSignForListener implements TaskListener {

	/** The task's own variable holding its sign-for clock. */
	static final String SIGN_FOR_CLOCK_ID = "signForClockId";

	private final CaseFiles files;

	private final SlaClocks clocks;

	RecordSignForListener(CaseFiles files, SlaClocks clocks) {
		this.files = files;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> startClock(task);
			case EVENTNAME_ASSIGNMENT -> signFor(task);
			case EVENTNAME_COMPLETE -> stopClock(task, "办理完毕");
			case EVENTNAME_DELETE -> withdrawClock(task);
			default -> {
			}
		}
	}

	private void startClock(DelegateTask task) {
		String unit = task.getCandidates()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse(null);
		var caseId = ProcessVariables.caseId(task);
		if (clocks.hadClock(caseId, Phase.ACCEPTANCE, unit)) {
			return; // the unit signed for the case before (the task is back after 延期, 吹哨 or 重办)
		}
		clocks.startOn(caseId, Phase.ACCEPTANCE, unit, ProcessActor.current())
			.ifPresent(clock -> task.setVariableLocal(SIGN_FOR_CLOCK_ID, clock.id().toString()));
	}

	private void signFor(DelegateTask task) {
		if (task.getAssignee() == null) {
			return;
		}
		files.change(ProcessVariables.caseId(task), ProcessActor.current(),
				TimelineNote.of("SIGNED_FOR", "签收：" + task.getAssignee(), Map.of("assignee", task.getAssignee()))
					.announcing(EventType.TASK_SIGNED_FOR),
				f -> f.startHandling());
		stopClock(task, "签收：" + task.getAssignee());
	}

	private void stopClock(DelegateTask task, String note) {
		Object id = task.getVariableLocal(SIGN_FOR_CLOCK_ID);
		if (id != null) {
			clocks.stop(UUID.fromString(id.toString()), ClockState.MET, note, ProcessActor.current());
		}
	}

	private void withdrawClock(DelegateTask task) {
		Object id = task.getVariableLocal(SIGN_FOR_CLOCK_ID);
		if (id != null) {
			clocks.withdraw(UUID.fromString(id.toString()), "任务撤销（升级或取消）", ProcessActor.current());
		}
	}

}
