package io.casegrid.feedback;

import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.FeedbackApi;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.Evaluation;
import io.casegrid.api.model.Reply;
import io.casegrid.api.model.ReplyRequest;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseViews;
import io.casegrid.casefile.EvaluationScore;
import io.casegrid.casefile.EvaluationSource;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.mediation.TieredMediationProcess;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;
import io.casegrid.whistle.DepartmentReportProcess;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvaluationController implements FeedbackApi {

	private final Evaluations evaluations;

	private final CaseViews views;

	private final CaseActions actions;

	private final CurrentActor actor;

	private final Replies replies;

	private final ActorNames names;

	/** Who may give the resident a 回音: whoever holds the work now — the handling level or unit, a whistled
	 * department reporting for or handling the matter, or the mediators of a dispute. */
	private static final String[] REPLYING_TASKS = { ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL,
			CaseLifecycleProcess.Ids.TASK_HANDLE, DepartmentReportProcess.Ids.TASK_ACKNOWLEDGE,
			DepartmentReportProcess.Ids.TASK_DEPARTMENT_HANDLE, TieredMediationProcess.Ids.TASK_ACCEPT,
			TieredMediationProcess.Ids.TASK_VILLAGE_MEDIATION, TieredMediationProcess.Ids.TASK_BRAND_ROOM_MEDIATION,
			TieredMediationProcess.Ids.TASK_JOINT_CONSULTATION };

	EvaluationController(Evaluations evaluations, CaseViews views, CaseActions actions, CurrentActor actor,
			Replies replies, ActorNames names) {
		this.replies = replies;
		this.names = names;
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
				evaluation.getComment(), me.isApp() ? EvaluationSource.RESIDENT : EvaluationSource.VISIT, me.id());
		return ResponseEntity.ok(views.detail(caseId, me));
	}

	@Override
	public ResponseEntity<Reply> replyToReporter(UUID caseId, ReplyRequest request) {
		var me = actor.get();
		actions.openTaskToWork(caseId, me, REPLYING_TASKS);
		Replies.Reply reply = replies.reply(caseId, request.getText(), me.id());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Reply(reply.caseId(), reply.text(), reply.repliedBy(),
					reply.repliedAt().atOffset(ZoneOffset.UTC), reply.clockMet())
				.repliedByName(names.of(reply.repliedBy())));
	}

}
