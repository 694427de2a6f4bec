package io.casegrid.feedback;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/**
 * ⑤ 反馈结果: opens the evaluation period (its {@code evaluation.requested} tells the reporter after commit, as
 * {@code case.resolved} told them the result); the 反馈 clock (and a 回音 still owed) is
 * met. In: caseId. Out: evaluationDueAt (the due time of the 评价期满 timer), returnVisitGroup (the village/community
 * that owns the case's place visits, else its township), returnVisitSample (0–99, see
 * {@link FollowUpVisits#sampleOf}).
 */
@Component("sendResult")
class SendResultDelegate implements JavaDelegate {

	private final CaseFiles files;

	private final FeedbackProperties properties;

	/** Out: the candidate group of 回访, the unit that owns the case's place. */
	static final String RETURN_VISIT_GROUP = "returnVisitGroup";

	/** Out: the case's place in the sample of return visits (0–99), read by {@code return-visit-policy.dmn}. */
	static final String RETURN_VISIT_SAMPLE = "returnVisitSample";

	private final TimeSource time;

	private final FeedbackClocks clocks;

	SendResultDelegate(CaseFiles files, FeedbackProperties properties, TimeSource time,
			FeedbackClocks clocks) {
		this.clocks = clocks;
		this.files = files;
		this.properties = properties;
		this.time = time;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var file = files.get(ProcessVariables.caseId(execution));
		var dueAt = time.now().plus(properties.evaluationPeriod());
		files.change(file.id(), Actor.SYSTEM.id(),
				TimelineNote.of("RESULT_SENT", "反馈结果：已告知诉求人，评价期至 " + dueAt,
						Map.of("evaluationDueAt", dueAt.toString())).announcing(EventType.EVALUATION_REQUESTED),
				f -> f.feedBack());
		clocks.resultSent(file.id(), Actor.SYSTEM.id());
		execution.setVariable(Vars.EVALUATION_DUE_AT, Date.from(dueAt));
		execution.setVariable(RETURN_VISIT_GROUP, FeedbackClocks.visitingUnit(file.location()));
		execution.setVariable(RETURN_VISIT_SAMPLE, FollowUpVisits.sampleOf(file.caseNumber(), file.id()));
	}

}
