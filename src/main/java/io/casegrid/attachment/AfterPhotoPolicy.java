package io.casegrid.attachment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.web.InvalidRequestException;
import io.casegrid.worklist.CompletionCheck;

import org.springframework.stereotype.Component;

/**
 * 整改后照片: whether completing a task with an outcome needs a photo tagged AFTER, uploaded since the task was created
 * (a redo needs a new one), is decided per task, outcome and category by {@code processes/evidence-policy.dmn}, which
 * a county may change by deploying. Without one the completion is refused (400 naming {@code afterPhoto}).
 */
@Component
class AfterPhotoPolicy implements CompletionCheck {

	static final String DECISION_KEY = "Decision_EvidencePolicy";

	static final String FIELD = "afterPhoto";

	private final DecisionService decisions;

	private final CaseFiles cases;

	private final AttachmentFiles files;

	AfterPhotoPolicy(DecisionService decisions, CaseFiles cases, AttachmentFiles files) {
		this.decisions = decisions;
		this.cases = cases;
		this.files = files;
	}

	@Override
	public void check(Completion completion) {
		if (requiresAfterPhoto(completion.taskKey(), completion.outcome(),
				cases.get(completion.caseId()).categoryCode())
				&& !files.hasAfterPhotoSince(completion.caseId(), completion.taskCreated())) {
			throw new InvalidRequestException(FIELD, "outcome " + completion.outcome() + " of this case's category needs a"
					+ " photo tagged AFTER (整改后照片) uploaded to the case since this task began");
		}
	}

	boolean requiresAfterPhoto(String taskKey, String outcome, String categoryCode) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("taskKey", taskKey);
		inputs.put("outcome", outcome);
		inputs.put("categoryCode", categoryCode);
		var result = decisions.evaluateDecisionTableByKey(DECISION_KEY, Variables.fromMap(inputs)).getSingleResult();
		return result != null && Boolean.TRUE.equals(result.getSingleEntry());
	}

}
