package io.casegrid.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;
import io.casegrid.web.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办: a whistled department that misses its acknowledgement (报到) or handling limit gets a supervision order with its
 * own deadline; missing that too escalates to the county centre, and every order stays on record for the monthly
 * assessment.
 */
@Service
public class SupervisionOrders {

	public record Page(List<SupervisionOrder> items, long total) {
	}

	private final SupervisionOrderRepository orders;

	private final EscalationRepository escalations;

	private final SlaClocks clocks;

	private final CaseFiles files;

	private final TimeSource time;

	private final SupervisionProperties properties;

	private final String countyCentre;

	SupervisionOrders(SupervisionOrderRepository orders, EscalationRepository escalations, SlaClocks clocks,
			CaseFiles files, TimeSource time, SupervisionProperties properties,
			@Value("${casegrid.escalation.county-centre:county-centre}") String countyCentre) {
		this.orders = orders;
		this.escalations = escalations;
		this.clocks = clocks;
		this.files = files;
		this.time = time;
		this.properties = properties;
		this.countyCentre = countyCentre;
	}

	/**
	 * The department missed a limit. The first time: its clock is breached and it gets an order. Again (the order's
	 * deadline passed too): the order is missed and the case escalated to the county. Returns the new deadline the
	 * department is held to.
	 */
	@Transactional
	public Instant supervise(UUID caseId, String department, Phase phase, UUID clockId, String issuer, String actor) {
		Instant now = time.now();
		clocks.stop(clockId, ClockState.BREACHED, "超时未" + (phase == Phase.ACCEPTANCE ? "报到" : "办结"), actor);
		List<SupervisionOrder> earlier = orders.findFor(caseId, department, phase.name());
		String what = phase == Phase.ACCEPTANCE ? "报到" : "办理";
		if (!earlier.isEmpty()) {
			SupervisionOrder last = earlier.get(earlier.size() - 1);
			if (last.status() != SupervisionStatus.MISSED) {
				last.miss(now);
				orders.save(last);
			}
			String reason = department + " 督办期限内仍未" + what + "，报县综治中心";
			escalations.save(new Escalation(UUID.randomUUID(), caseId, ResponseLevel.DEPARTMENT, department,
					ResponseLevel.COUNTY, countyCentre, EscalationTrigger.SUPERVISION, reason, actor, now));
			files.note(caseId, actor, TimelineNote.of("SUPERVISION_ESCALATED", reason,
					Map.of("departmentCode", department, "orderId", last.id().toString()))
				.announcing(EventType.SUPERVISION_MISSED));
		}
		SupervisionOrder order = orders.save(SupervisionOrder.issued(caseId, department, phase, issuer,
				department + " 超过" + what + "时限" + (earlier.isEmpty() ? "" : "（再次）"), properties.copyTo(), now,
				now.plus(properties.replyWithin())));
		files.note(caseId, actor,
				TimelineNote.of("SUPERVISION_ORDER_ISSUED", "督办单：" + order.reason() + "，限 " + order.replyDueAt() + " 前回复",
						Map.of("departmentCode", department, "orderId", order.id().toString(), "copiedTo",
								String.join(",", properties.copyTo())))
					// an order is issued because the department's limit passed
					.announcing(EventType.SLA_BREACHED)
					.announcing(EventType.SUPERVISION_ISSUED));
		return order.replyDueAt();
	}

	/** The department's reply to an open order. */
	@Transactional
	public SupervisionOrder reply(UUID orderId, String reply, String actor) {
		SupervisionOrder order = get(orderId);
		order.reply(reply, actor, time.now());
		SupervisionOrder saved = orders.save(order);
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_REPLIED", "督办回复：" + reply,
				Map.of("orderId", orderId.toString()))
			.announcing(EventType.SUPERVISION_REPLIED));
		return saved;
	}

	public SupervisionOrder get(UUID orderId) {
		return orders.findById(orderId).orElseThrow(() -> new NotFoundException("Supervision order", orderId));
	}

	public Page find(UUID caseId, String department, String status, int page, int size) {
		return new Page(orders.find(caseId, department, status, size, (long) page * size),
				orders.count(caseId, department, status));
	}

}
