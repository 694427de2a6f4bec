package io.casegrid.dispatch;

import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLocation;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of 任务指派: 派单 (DISPATCH) runs from the moment a case waits for its unit until it is dispatched, on the
 * township that dispatches it (the county where the place has none); and a class that counts 回音 (REPLY, e.g. 复杂事7天内有回音)
 * starts its first-reply clock on the unit the case goes to, once per case.
 */
@Component
class DispatchClocks {

	private final SlaClocks clocks;

	private final CaseFiles files;

	DispatchClocks(SlaClocks clocks, CaseFiles files) {
		this.clocks = clocks;
		this.files = files;
	}

	/** The case waits for a dispatcher (or is being dispatched by place): its 派单 clock starts. */
	@Transactional
	public void awaiting(UUID caseId, String actor) {
		CaseLocation place = files.get(caseId).location();
		clocks.startOn(caseId, Phase.DISPATCH,
				place.townshipCode() != null ? place.townshipCode() : place.countyCode(), actor);
	}

	/** Dispatched to {@code unit}: 派单 met; the first reply is owed from now on, where the policy counts one. */
	@Transactional
	public void dispatched(UUID caseId, String unit, String actor) {
		clocks.stopOpen(caseId, Phase.DISPATCH, ClockState.MET, "派单至 " + unit, actor);
		if (!clocks.hadClock(caseId, Phase.REPLY)) {
			clocks.startOn(caseId, Phase.REPLY, unit, actor);
		}
	}

	/** Rejected as invalid: 派单 is done all the same (the case is archived without handling). */
	@Transactional
	public void rejected(UUID caseId, String actor) {
		clocks.stopOpen(caseId, Phase.DISPATCH, ClockState.MET, "认定为无效诉求", actor);
	}

}
