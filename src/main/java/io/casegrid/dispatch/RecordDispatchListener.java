package io.casegrid.dispatch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.process.CaseLifecycleProcess.Vars;
import io.casegrid.process.ProcessActor;
import io.casegrid.process.ProcessVariables;

import org.springframework.stereotype.Component;

/** On completing 派单: records the chosen unit (or the rejection) in the case file. */
@Component("recordDispatch")
class RecordDispatchListener implements TaskListener {

	private final CaseFiles files;

	RecordDispatchListener(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void notify(DelegateTask task) {
		String comment = ProcessVariables.takeComment(task);
		String outcome = ProcessVariables.string(task, Vars.DISPATCH_OUTCOME);
		if (DispatchTask.REJECT.equals(outcome)) {
			String reason = ProcessVariables.string(task, "rejectReason");
			files.change(ProcessVariables.caseId(task), ProcessActor.current(),
					TimelineNote.of("REJECTED", "认定为无效诉求：" + reason).withComment(comment),
					f -> f.rejectAsInvalid());
			return;
		}
		String unit = ProcessVariables.string(task, Vars.HANDLING_UNIT_CODE);
		String note = ProcessVariables.string(task, "dispatchNote");
		files.change(ProcessVariables.caseId(task), ProcessActor.current(),
				TimelineNote.of("DISPATCHED", "派单至 " + unit + (note == null ? "" : "：" + note),
						Map.of("handlingUnitCode", unit)).withComment(comment),
				f -> f.dispatchTo(unit));
	}

}
