package io.casegrid.escalation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.casegrid.api.SupervisionApi;
import io.casegrid.api.model.SlaPhase;
import io.casegrid.api.model.SupervisionCountyMeasure;
import io.casegrid.api.model.SupervisionOrderPage;
import io.casegrid.api.model.SupervisionOrderView;
import io.casegrid.api.model.SupervisionReply;
import io.casegrid.api.model.SupervisionReview;
import io.casegrid.api.model.SupervisionStatus;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.Actor;
import io.casegrid.security.ActorNames;
import io.casegrid.security.CurrentActor;
import io.casegrid.security.Role;
import io.casegrid.web.NotFoundException;
import io.casegrid.worklist.CaseActions;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupervisionController implements SupervisionApi {

	/** Roles that see the orders of every department of the county. */
	private static final Role[] COUNTY_WIDE = { Role.COUNTY_CENTRE, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN };

	private final SupervisionOrders orders;

	private final CurrentActor actor;

	private final CaseActions actions;

	private final ActorNames names;

	private final OrgDirectory org;

	SupervisionController(SupervisionOrders orders, CurrentActor actor, CaseActions actions, ActorNames names,
			OrgDirectory org) {
		this.names = names;
		this.org = org;
		this.actions = actions;
		this.orders = orders;
		this.actor = actor;
	}

	@Override
	public ResponseEntity<SupervisionOrderPage> listSupervisionOrders(UUID caseId, String department,
			SupervisionStatus status, Integer page, Integer size) {
		Actor me = actor.get();
		if (!me.hasAny(COUNTY_WIDE) && (department == null || !me.orgCodes().contains(department))) {
			// a department sees the orders addressed to it, never another department's
			if (department != null || me.orgCodes().size() != 1) {
				return ResponseEntity.ok(new SupervisionOrderPage(List.of(), page, size, 0L));
			}
			department = me.orgCodes().iterator().next();
		}
		SupervisionOrders.Page found = orders.find(caseId, department, status == null ? null : status.getValue(), page,
				size);
		return ResponseEntity.ok(new SupervisionOrderPage(
				found.items().stream().map(this::view).toList(), page, size, found.total()));
	}

	@Override
	public ResponseEntity<SupervisionOrderView> replyToSupervisionOrder(UUID orderId, SupervisionReply reply) {
		Actor me = actor.get();
		SupervisionOrder order = orders.get(orderId);
		actions.requireWorksFor(order.caseId(), order.departmentCode(), me,
				() -> new NotFoundException("Supervision order", orderId));
		return ResponseEntity.ok(view(orders.reply(orderId, reply.getReply(), me.id())));
	}

	/** The order with names beside its unit codes and login ids, its latest review and the county's measure. */
	private SupervisionOrderView view(SupervisionOrder o) {
		SupervisionOrderView view = new SupervisionOrderView(o.id(), o.caseId(), o.departmentCode(),
				SlaPhase.fromValue(o.phase().name()), o.issuer(), o.reason(), o.copiedTo(), at(o.issuedAt()),
				at(o.replyDueAt()), SupervisionStatus.fromValue(o.status().name()))
			.departmentName(org.nameOrNull(o.departmentCode()))
			.issuerName(org.nameOrNull(o.issuer()))
			.reply(o.reply())
			.repliedBy(o.repliedBy())
			.repliedByName(names.of(o.repliedBy()))
			.repliedAt(at(o.repliedAt()))
			.missedAt(at(o.missedAt()));
		if (o.reviewedAt() != null) {
			// acceptance ends the order, so a review of an order that is not ACCEPTED was a send-back
			view.review(new SupervisionReview(
					o.status() == io.casegrid.escalation.SupervisionStatus.ACCEPTED ? SupervisionReview.DecisionEnum.ACCEPTED
							: SupervisionReview.DecisionEnum.SENT_BACK,
					o.reviewedBy(), at(o.reviewedAt()))
				.note(o.reviewNote())
				.reviewedByName(names.of(o.reviewedBy())));
		}
		if (o.countyAt() != null) {
			view.countyMeasure(new SupervisionCountyMeasure(
					SupervisionCountyMeasure.MeasureEnum.fromValue(o.countyMeasure()), o.countyNote(), o.countyBy(),
					at(o.countyAt()))
				.actedByName(names.of(o.countyBy())));
		}
		return view;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
