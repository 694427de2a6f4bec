package io.casegrid.feedback;

import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseProcesses;
import io.casegrid.casefile.Evaluation;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.casefile.EvaluationSource;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident's evaluation (群众评价): received from apps, from the return visit, or assumed when none came. */
@Service
class Evaluations {

	private final CaseFiles files;

	private final CaseProcesses processes;

	private final TimeSource time;

	Evaluations(CaseFiles files, CaseProcesses processes, TimeSource time) {
		this.files = files;
		this.processes = processes;
		this.time = time;
	}

	/**
	 * An evaluation sent by the resident's app, or relayed by staff from their visit: delivered to the waiting
	 * process, which records it and asks {@code return-visit-policy.dmn} whether to visit after it.
	 */
	@Transactional
	public void receive(UUID caseId, EvaluationScore score, String comment, EvaluationSource source, String actor) {
		files.get(caseId);
		processes.deliverEvaluation(caseId, score.name(), comment, source, actor);
	}

	void record(UUID caseId, EvaluationScore score, String comment, String actor) {
		files.change(caseId, actor,
				TimelineNote.of("EVALUATED", "群众评价：" + label(score) + (comment == null ? "" : "（" + comment + "）"),
						Map.of("score", score.name())).announcing(EventType.EVALUATION_RECEIVED),
				f -> f.evaluate(new Evaluation(score, comment, time.now(), false)));
	}

	void assumeSatisfied(UUID caseId, String actor) {
		files.change(caseId, actor,
				TimelineNote.of("EVALUATION_DEFAULTED", "评价期满未评价，默认满意",
						Map.of("score", EvaluationScore.SATISFIED.name())).announcing(EventType.EVALUATION_RECEIVED),
				f -> f.evaluate(new Evaluation(EvaluationScore.SATISFIED, null, time.now(), true)));
	}

	private static String label(EvaluationScore score) {
		return switch (score) {
			case SATISFIED -> "满意";
			case BASICALLY_SATISFIED -> "基本满意";
			case DISSATISFIED -> "不满意";
		};
	}

}
