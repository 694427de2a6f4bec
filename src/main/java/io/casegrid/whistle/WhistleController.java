package io.casegrid.whistle;

import java.util.UUID;

import io.casegrid.api.WhistleApi;
import io.casegrid.api.model.WhistleRequest;
import io.casegrid.api.model.WhistleView;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.CurrentActor;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * 吹哨 through the API: completes the case's open 分级办理 task with WHISTLE, as the community, township or county
 * holding it would ({@link CaseActions}: only who may work that task).
 */
@RestController
class WhistleController implements WhistleApi {

	private final LevelTaskWhistle levelTask;

	private final CurrentActor actor;

	private final OrgDirectory org;

	WhistleController(LevelTaskWhistle levelTask, CurrentActor actor, OrgDirectory org) {
		this.levelTask = levelTask;
		this.org = org;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<WhistleView> whistleDepartments(UUID caseId, WhistleRequest request) {
		LevelTaskWhistle.Whistled whistled = levelTask.whistle(caseId, request.getDepartments(), request.getLead(),
				request.getComment(), null, actor.get());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new WhistleView(caseId, whistled.whistledBy(), whistled.departments(), request.getLead())
				.whistledByName(org.find(whistled.whistledBy()).map(unit -> unit.name()).orElse(null)));
	}

}
