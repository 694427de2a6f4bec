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
 * ⑤ 反馈结果: tells the reporter the result and opens the evaluation period. In: caseId. Out: evaluationDueAt (the
 * due time of the 评价期满 timer).
 */
@Component("sendResult")
class SendResultDelegate implements JavaDelegate {

	private final CaseFiles files;

	private final ReporterNotifier notifier;

	private final FeedbackProperties properties;

	private final TimeSource time;

	SendResultDelegate(CaseFiles files, ReporterNotifier notifier, FeedbackProperties properties, TimeSource time) {
		this.files = files;
		this.notifier = notifier;
		this.properties = properties;
		this.time = time;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var file = files.get(ProcessVariables.caseId(execution));
		var dueAt = time.now().plus(properties.evaluationPeriod());
		notifier.sendResult(file);
		files.change(file.id(), Actor.SYSTEM.id(),
				TimelineNote.of("RESULT_SENT", "反馈结果：已告知诉求人，评价期至 " + dueAt,
						Map.of("evaluationDueAt", dueAt.toString())).announcing(EventType.EVALUATION_REQUESTED),
				f -> f.feedBack());
		execution.setVariable(Vars.EVALUATION_DUE_AT, Date.from(dueAt));
	}

}
