package io.casegrid.escalation;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.casegrid.api.EscalationApi;
import io.casegrid.api.model.EscalationPage;
import io.casegrid.api.model.EscalationRequest;
import io.casegrid.api.model.EscalationView;
import io.casegrid.casefile.CaseVisibility;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EscalationController implements EscalationApi {

	/** The most pending timers {@code getCaseTimers} gives (the contract's {@code maxItems}). */
	static final int MAX_TIMERS = 200;


	private final Escalations escalations;

	private final ManualEscalation manual;

	private final CaseTimers timers;

	private final CaseVisibility visibility;

	private final CurrentActor actor;

	private final ActorNames names;

	private final OrgDirectory org;

	EscalationController(Escalations escalations, ManualEscalation manual, CaseTimers timers,
			CaseVisibility visibility, CurrentActor actor, ActorNames names, OrgDirectory org) {
		this.org = org;
		this.names = names;
		this.escalations = escalations;
		this.manual = manual;
		this.timers = timers;
		this.visibility = visibility;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<List<io.casegrid.api.model.PendingTimer>> getCaseTimers(UUID caseId) {
		visibility.requireVisible(caseId, actor.get());
		return ResponseEntity.ok(timers.of(caseId)
			.stream()
			.limit(MAX_TIMERS) // the contract's maxItems: the soonest
			.map(t -> new io.casegrid.api.model.PendingTimer(t.jobId(), t.activityId(), t.name(), t.action(),
					at(t.dueAt()), t.held())
				.process(t.process())
				.description(t.description()))
			.toList());
	}

	@Override
	public ResponseEntity<EscalationView> escalateCase(UUID caseId, EscalationRequest request) {
		Escalation escalation = manual.escalate(caseId, request.getReason(), actor.get());
		return ResponseEntity.created(URI.create("/api/v1/escalations?caseId=" + caseId)).body(view(escalation));
	}

	@Override
	public ResponseEntity<EscalationPage> listEscalations(UUID caseId,
			io.casegrid.api.model.ResponseLevel toLevel, String unit, OffsetDateTime from, OffsetDateTime to,
			Integer page, Integer size) {
		Escalations.Page found = escalations.find(caseId, toLevel == null ? null : toLevel.getValue(), unit,
				from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), page, size);
		return ResponseEntity.ok(new EscalationPage(found.items().stream().map(this::view).toList(),
				page, size, found.total()));
	}

	private EscalationView view(Escalation e) {
		return new EscalationView(e.id(), e.caseId(), io.casegrid.api.model.ResponseLevel.fromValue(e.fromLevel().name()),
				e.fromUnit(), io.casegrid.api.model.ResponseLevel.fromValue(e.toLevel().name()), e.toUnit(),
				EscalationView.TriggerEnum.fromValue(e.trigger().name()), e.reason(), e.actor(), at(e.escalatedAt()))
			.actorName(names.of(e.actor()))
			.fromUnitName(org.nameOrNull(e.fromUnit()))
			.toUnitName(org.nameOrNull(e.toUnit()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
