package io.casegrid.feedback;

import java.util.UUID;

import io.casegrid.api.FeedbackApi;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.Evaluation;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseViews;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.security.CurrentActor;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvaluationController implements FeedbackApi {

	private final Evaluations evaluations;

	private final CaseViews views;

	private final CaseActions actions;

	private final CurrentActor actor;

	EvaluationController(Evaluations evaluations, CaseViews views, CaseActions actions, CurrentActor actor) {
		this.evaluations = evaluations;
		this.views = views;
		this.actions = actions;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<CaseDetail> evaluateCase(UUID caseId, Evaluation evaluation) {
		var me = actor.get();
		actions.requireReportingAppOrOpenTaskToWork(caseId, me, CaseLifecycleProcess.Ids.TASK_RETURN_VISIT);
		evaluations.receive(caseId, EvaluationScore.valueOf(evaluation.getScore().getValue()),
				evaluation.getComment(), me.id());
		return ResponseEntity.ok(views.detail(caseId, me));
	}

}
