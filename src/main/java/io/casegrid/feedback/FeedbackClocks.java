package io.casegrid.feedback;

import java.util.UUID;

import io.casegrid.casefile.CaseLocation;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of ⑤ 反馈结果: 反馈 (FEEDBACK) runs from 办结 until the result is sent to the resident, which also answers
 * a 回音 still owed; 回访 (RETURN_VISIT) runs while the return visit is open, on the unit that owns the case's place.
 */
@Component
class FeedbackClocks {

	private final SlaClocks clocks;

	FeedbackClocks(SlaClocks clocks) {
		this.clocks = clocks;
	}

	/** The case was resolved by {@code unit}: the result is owed to the resident. */
	@Transactional
	public void resolved(UUID caseId, String unit, String actor) {
		clocks.startOn(caseId, Phase.FEEDBACK, unit, actor);
	}

	/** The result was sent: 反馈 met, and a 回音 still owed is answered by it. */
	@Transactional
	public void resultSent(UUID caseId, String actor) {
		clocks.stopOpen(caseId, Phase.FEEDBACK, ClockState.MET, "已告知诉求人办理结果", actor);
		clocks.stopOpen(caseId, Phase.REPLY, ClockState.MET, "办理结果已告知诉求人", actor);
	}

	/** The return visit is open on {@code unit}; returns its clock, if the policy counts one. */
	@Transactional
	public java.util.Optional<SlaClock> visitOpened(UUID caseId, String unit, String actor) {
		return clocks.startOn(caseId, Phase.RETURN_VISIT, unit, actor);
	}

	/**
	 * The return visit ended (visited, the resident evaluated, or the evaluation period passed): the clock stops, as
	 * BREACHED when its limit had passed.
	 */
	@Transactional
	public void visitClosed(UUID clockId, String note, String actor) {
		clocks.stop(clockId, ClockState.MET, note, actor);
	}

	/** Who visits: the village/community that owns the case's place, else its township, else the county. */
	static String visitingUnit(CaseLocation place) {
		return place.villageCode() != null ? place.villageCode()
				: place.townshipCode() != null ? place.townshipCode() : place.countyCode();
	}

}
