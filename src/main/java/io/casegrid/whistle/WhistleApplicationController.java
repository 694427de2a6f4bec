package io.casegrid.whistle;

import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.WhistleApplicationsApi;
import io.casegrid.api.model.NewWhistleApplication;
import io.casegrid.api.model.WhistleApplicationDecline;
import io.casegrid.api.model.WhistleApplicationStatus;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** 吹哨申请 through the API: file, accept, decline ({@link WhistleApplications}). */
@RestController
class WhistleApplicationController implements WhistleApplicationsApi {

	private final WhistleApplications applications;

	private final CurrentActor actor;

	private final ActorNames names;

	private final OrgDirectory org;

	WhistleApplicationController(WhistleApplications applications, CurrentActor actor, ActorNames names,
			OrgDirectory org) {
		this.names = names;
		this.org = org;
		this.applications = applications;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WhistleApplication> applyForWhistle(UUID caseId,
			NewWhistleApplication request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(toView(applications.apply(caseId, request.getDepartments(), request.getLead(), request.getReason(),
					actor.get())));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WhistleApplication> acceptWhistleApplication(UUID applicationId) {
		return ResponseEntity.ok(toView(applications.accept(applicationId, actor.get())));
	}

	@Override
	public ResponseEntity<io.casegrid.api.model.WhistleApplication> declineWhistleApplication(UUID applicationId,
			WhistleApplicationDecline request) {
		return ResponseEntity.ok(toView(applications.decline(applicationId, request.getReason(), actor.get())));
	}

	private io.casegrid.api.model.WhistleApplication toView(WhistleApplication a) {
		return new io.casegrid.api.model.WhistleApplication(a.id(), a.caseId(), a.appliedBy(),
				a.appliedAt().atOffset(ZoneOffset.UTC), a.departments(), a.lead(), a.reason(),
				WhistleApplicationStatus.fromValue(a.status().name()))
			.appliedByName(names.of(a.appliedBy()))
			.appliedByUnit(a.appliedByUnit())
			.appliedByUnitName(org.nameOrNull(a.appliedByUnit()))
			.decidedBy(a.decidedBy())
			.decidedByName(names.of(a.decidedBy()))
			.decidedAt(a.decidedAt() == null ? null : a.decidedAt().atOffset(ZoneOffset.UTC))
			.declineReason(a.declineReason());
	}

}
