package io.casegrid.dispatch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/**
 * 按属地自动派单 (case-auto-dispatch.bpmn): the case goes to the unit of its starting level where it arose — its grid,
 * village/community (a dispute: the mediation committee), township or county; the nearest level above when it was
 * reported higher up. In: caseId, startLevel. Out: dispatchOutcome = DISPATCH, handlingUnitCode.
 */
@Component("dispatchToPlace")
class DispatchToPlaceDelegate implements JavaDelegate {

	private final CaseFiles files;

	private final DispatchClocks clocks;

	DispatchToPlaceDelegate(CaseFiles files, DispatchClocks clocks) {
		this.files = files;
		this.clocks = clocks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var file = files.get(ProcessVariables.caseId(execution));
		clocks.awaiting(file.id(), Actor.SYSTEM.id());
		var place = file.location();
		String startLevel = file.startLevel();
		String unit = firstOf(switch (startLevel == null ? "GRID" : startLevel) {
			case "COUNTY" -> new String[] { place.countyCode() };
			case "TOWNSHIP" -> new String[] { place.townshipCode(), place.countyCode() };
			case "VILLAGE" -> new String[] { place.villageCode(), place.townshipCode(), place.countyCode() };
			default -> new String[] { place.gridCode(), place.villageCode(), place.townshipCode(), place.countyCode() };
		});
		files.change(file.id(), Actor.SYSTEM.id(),
				TimelineNote.of("DISPATCHED", "按属地自动派至 " + unit, Map.of("handlingUnitCode", unit))
					.announcing(EventType.CASE_DISPATCHED),
				f -> f.dispatchTo(unit));
		clocks.dispatched(file.id(), unit, Actor.SYSTEM.id());
		execution.setVariable(Vars.DISPATCH_OUTCOME, DispatchOutcomes.DISPATCH);
		execution.setVariable(Vars.HANDLING_UNIT_CODE, unit);
	}

	private static String firstOf(String... codes) {
		for (String code : codes) {
			if (code != null) {
				return code;
			}
		}
		throw new IllegalStateException("The case's place has no unit at or above its starting level");
	}

}
