package io.casegrid.feedback;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评价后回访: when {@code return-visit-policy.dmn} asks for it after an evaluation, the unit that owns the case's place
 * visits the resident ({@code return-visit.bpmn}, started beside the loop, so a 不满意 goes to its re-do without
 * waiting); what the visitor heard goes on the case's timeline.
 */
@Service
class FollowUpVisits {

	private final RuntimeService runtime;

	private final CaseFiles files;

	private final OrgDirectory org;

	FollowUpVisits(RuntimeService runtime, CaseFiles files, OrgDirectory org) {
		this.runtime = runtime;
		this.files = files;
		this.org = org;
	}

	/**
	 * The case's place in the sample of return visits, 0–99: the last two digits of its case number (numbers run on,
	 * so {@code < 10} takes every tenth case); a number that does not end in two digits falls back to the case id.
	 */
	static int sampleOf(String caseNumber, UUID caseId) {
		int length = caseNumber == null ? 0 : caseNumber.length();
		if (length >= 2 && Character.isDigit(caseNumber.charAt(length - 1))
				&& Character.isDigit(caseNumber.charAt(length - 2))) {
			return Integer.parseInt(caseNumber.substring(length - 2));
		}
		return (int) Math.floorMod(caseId.getLeastSignificantBits(), 100L);
	}

	/** Starts the visit of {@code unit} to the resident who evaluated {@code score}, and says so on the timeline. */
	@Transactional
	public void request(UUID caseId, String unit, String score, String actor) {
		var file = files.get(caseId);
		files.note(caseId, actor, TimelineNote.of("FOLLOW_UP_VISIT_REQUESTED", "评价后回访：交由" + org.find(unit).map(OrgUnit::name).orElse(unit) + "回访诉求人",
				Map.of("returnVisitGroup", unit)).announcing(EventType.FOLLOW_UP_VISIT_REQUESTED));
		runtime.createMessageCorrelation(ReturnVisitProcess.MESSAGE_FOLLOW_UP_VISIT_REQUESTED)
			.processInstanceBusinessKey(caseId.toString())
			.setVariables(Map.of(CaseLifecycleProcess.Vars.CASE_ID, caseId.toString(),
					CaseLifecycleProcess.Vars.CASE_NUMBER, file.caseNumber(), SendResultDelegate.RETURN_VISIT_GROUP,
					unit, CaseLifecycleProcess.Vars.EVALUATION_SCORE, score))
			.correlateStartMessage();
	}

	/** The visit is done: its result (and the form's label of it) and record go on the timeline. */
	@Transactional
	public void visited(UUID caseId, String result, String resultLabel, String record, String comment, String actor) {
		files.note(caseId, actor, TimelineNote.of("FOLLOW_UP_VISITED", "评价后回访：" + resultLabel + "（" + record + "）",
				Map.of(ReturnVisitProcess.Vars.FOLLOW_UP_VISIT_RESULT, result))
			.announcing(EventType.FOLLOW_UP_VISIT_COMPLETED)
			.withComment(comment));
	}

}
