package io.casegrid.dispatch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.process.CaseLifecycleProcess.Vars;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/**
 * 按属地自动派单 (case-auto-dispatch.bpmn): a dispute goes to the mediation committee of the village/community where
 * it arose (or the township's, when it was reported at township level). In: caseId. Out: dispatchOutcome = DISPATCH,
 * handlingUnitCode.
 */
@Component("dispatchToPlace")
class DispatchToPlaceDelegate implements JavaDelegate {

	private final CaseFiles files;

	DispatchToPlaceDelegate(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var file = files.get(ProcessVariables.caseId(execution));
		var place = file.location();
		String unit = place.villageCode() != null ? place.villageCode() : place.townshipCode();
		files.change(file.id(), Actor.SYSTEM.id(),
				TimelineNote.of("DISPATCHED", "按属地自动派至 " + unit, Map.of("handlingUnitCode", unit)),
				f -> f.dispatchTo(unit));
		execution.setVariable(Vars.DISPATCH_OUTCOME, DispatchTask.DISPATCH);
		execution.setVariable(Vars.HANDLING_UNIT_CODE, unit);
	}

}
