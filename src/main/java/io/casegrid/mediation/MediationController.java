package io.casegrid.mediation;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.casegrid.api.MediationApi;
import io.casegrid.api.model.HandlingUnit;
import io.casegrid.api.model.HeadOpinionView;
import io.casegrid.api.model.MediationRecord;
import io.casegrid.api.model.MediationRecordAgreement;
import io.casegrid.api.model.MediationRecordFollowUp;
import io.casegrid.api.model.MediationRecordJudicialConfirmation;
import io.casegrid.api.model.MediationRecordReferral;
import io.casegrid.api.model.MediationSessionView;
import io.casegrid.api.model.NewMediationSession;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.identity.PeopleNames;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.CurrentActor;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MediationController implements MediationApi {

	private final Mediations mediations;

	private final AgreementDocument document;

	private final CaseVisibility visibility;

	private final CurrentActor actor;

	private final CaseActions actions;

	private final PeopleNames names;

	private final OrgDirectory org;

	MediationController(Mediations mediations, AgreementDocument document, CaseVisibility visibility,
			CurrentActor actor, CaseActions actions, PeopleNames names, OrgDirectory org) {
		this.actions = actions;
		this.names = names;
		this.org = org;
		this.mediations = mediations;
		this.document = document;
		this.visibility = visibility;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<MediationRecord> getMediation(UUID caseId) {
		visibility.requireVisible(caseId, actor.get());
		return ResponseEntity.ok(toView(mediations.get(caseId)));
	}

	@Override
	public ResponseEntity<MediationSessionView> recordMediationSession(UUID caseId, NewMediationSession session) {
		actions.openTaskToWork(caseId, actor.get(), MediationLevel.HANDLING_TASKS);
		MediationSession recorded = mediations.recordSession(caseId, session.getHeldAt().toInstant(),
				session.getParticipants(), session.getSummary(), actor.get().id());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/mediation")).body(toView(recorded));
	}

	@Override
	public ResponseEntity<String> getMediationAgreement(UUID agreementId) {
		MediationAgreement agreement = mediations.agreement(agreementId)
			.filter(a -> visibility.isVisible(a.caseId(), actor.get()))
			.orElseThrow(() -> new NotFoundException("Mediation agreement", agreementId));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(document.render(agreement));
	}

	private MediationRecord toView(Mediation m) {
		MediationRecord view = new MediationRecord(m.caseId(),
				io.casegrid.api.model.MediationLevel.fromValue(m.level().name()),
				MediationRecord.StatusEnum.fromValue(m.status().name()), m.villageCode(), m.extensionCount(),
				m.sessions().stream().map(this::toView).toList(),
				m.opinions()
					.stream()
					.map(o -> new HeadOpinionView(HeadOpinionView.HeadEnum.fromValue(o.head().name()), o.opinion(),
							o.givenBy(), at(o.givenAt()))
						.givenByName(names.orNull(o.givenBy())))
					.toList())
			.villageName(unitName(m.villageCode()))
			.townshipCode(m.townshipCode())
			.townshipName(unitName(m.townshipCode()))
			.parties(m.parties())
			.disputeSummary(m.disputeSummary())
			.levelDueAt(at(m.levelDueAt()))
			.resultSummary(m.resultSummary())
			.outcome(m.outcome().map(o -> MediationRecord.OutcomeEnum.fromValue(o.name())).orElse(null));
		mediations.brandRoom(m.brandRoomCode()).ifPresent(r -> view.brandRoom(new HandlingUnit(r.code(), r.name())));
		mediations.agreementOf(m.caseId())
			.ifPresent(a -> view.agreement(new MediationRecordAgreement(a.id(), a.agreementNumber(), at(a.signedAt()),
					"/api/v1/mediation/agreements/" + a.id())
				.performBy(at(a.performBy()))));
		if (m.judicialConfirmationDueAt() != null) {
			view.judicialConfirmation(new MediationRecordJudicialConfirmation(at(m.judicialConfirmationDueAt()),
					MediationRecordJudicialConfirmation.StatusEnum.fromValue(m.judicialConfirmationStatus()))
				.court(m.judicialConfirmationCourt()));
		}
		if (m.referralChannel() != null) {
			view.referral(new MediationRecordReferral(
					MediationRecordReferral.ChannelEnum.fromValue(m.referralChannel().name()), m.referralReason()));
		}
		if (m.followUpOutcome() != null) {
			view.followUp(new MediationRecordFollowUp(m.followUpOutcome(), m.followUpNote()));
		}
		return view;
	}

	private MediationSessionView toView(MediationSession s) {
		return new MediationSessionView(io.casegrid.api.model.MediationLevel.fromValue(s.level().name()),
				at(s.heldAt()), s.participants(), s.summary(), s.recordedBy(), at(s.recordedAt()))
			.recordedByName(names.orNull(s.recordedBy()));
	}

	private String unitName(String code) {
		return code == null ? null : org.find(code).map(unit -> unit.name()).orElse(null);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
