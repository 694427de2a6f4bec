package io.casegrid.feedback;

import java.util.UUID;

import io.casegrid.api.FeedbackApi;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.Evaluation;
import io.casegrid.casefile.CaseViews;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvaluationController implements FeedbackApi {

	private final Evaluations evaluations;

	private final CaseViews views;

	private final CurrentActor actor;

	EvaluationController(Evaluations evaluations, CaseViews views, CurrentActor actor) {
		this.evaluations = evaluations;
		this.views = views;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<CaseDetail> evaluateCase(UUID caseId, Evaluation evaluation) {
		evaluations.receive(caseId, EvaluationScore.valueOf(evaluation.getScore().getValue()),
				evaluation.getComment(), actor.get().id());
		return ResponseEntity.ok(views.detail(caseId));
	}

}
