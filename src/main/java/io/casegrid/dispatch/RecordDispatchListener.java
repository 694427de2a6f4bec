package io.casegrid.dispatch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseFiling;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/**
 * On completing 研判派单: records the chosen unit (or the rejection) in the case file; when the dispatcher picked a
 * track other than the case's, the case takes that track and its handling process (out: track, handlingProcess).
 */
@Component("recordDispatch")
class RecordDispatchListener implements TaskListener {

	private final CaseFiles files;

	private final CaseFiling filing;

	private final DispatchClocks clocks;

	RecordDispatchListener(CaseFiles files, CaseFiling filing, DispatchClocks clocks) {
		this.files = files;
		this.filing = filing;
		this.clocks = clocks;
	}

	@Override
	public void notify(DelegateTask task) {
		var caseId = ProcessVariables.caseId(task);
		String comment = ProcessVariables.takeComment(task);
		String outcome = ProcessVariables.string(task, Vars.DISPATCH_OUTCOME);
		if (DispatchOutcomes.REJECT.equals(outcome)) {
			String reason = ProcessVariables.string(task, "rejectReason");
			files.change(caseId, ProcessActor.current(),
					TimelineNote.of("REJECTED", "认定为无效诉求：" + reason)
						.announcing(EventType.CASE_REJECTED).withComment(comment), f -> f.rejectAsInvalid());
			clocks.rejected(caseId, ProcessActor.current());
			return;
		}
		String track = ProcessVariables.string(task, Vars.TRACK);
		if (track != null && !track.equals(files.get(caseId).track())) {
			filing.retrack(caseId, track, ProcessActor.current());
			task.setVariable(Vars.HANDLING_PROCESS, filing.handlingProcessOf(track));
		}
		String unit = ProcessVariables.string(task, Vars.HANDLING_UNIT_CODE);
		String note = ProcessVariables.string(task, "dispatchNote");
		files.change(caseId, ProcessActor.current(),
				TimelineNote.of("DISPATCHED", "派单至 " + unit + (note == null ? "" : "：" + note),
						Map.of("handlingUnitCode", unit)).announcing(EventType.CASE_DISPATCHED).withComment(comment),
				f -> f.dispatchTo(unit));
		clocks.dispatched(caseId, unit, ProcessActor.current());
	}

}
