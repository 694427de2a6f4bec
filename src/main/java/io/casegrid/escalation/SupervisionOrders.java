package io.casegrid.escalation;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.escalation.SupervisionOrderProcess.Ids;
import io.casegrid.escalation.SupervisionOrderProcess.Vars;
import io.casegrid.process.EngineUser;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办: a whistled department that misses its acknowledgement (报到) or handling limit gets a supervision order with its
 * own deadline; its reply stops the deadline and is reviewed by the issuing level; missing the deadline escalates to
 * the county centre, whose task is 约谈 or 督办审核; every order stays on record for the monthly assessment.
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

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final EngineUser engineUser;

	SupervisionOrders(SupervisionOrderRepository orders, EscalationRepository escalations, SlaClocks clocks,
			CaseFiles files, TimeSource time, SupervisionProperties properties,
			@Value("${casegrid.escalation.county-centre:county-centre}") String countyCentre,
			@Lazy RuntimeService runtime, @Lazy TaskService tasks, EngineUser engineUser) {
		this.engineUser = engineUser;
		this.runtime = runtime;
		this.tasks = tasks;
		this.orders = orders;
		this.escalations = escalations;
		this.clocks = clocks;
		this.files = files;
		this.time = time;
		this.properties = properties;
		this.countyCentre = countyCentre;
	}

	/**
	 * The department missed a limit: its clock is breached and it gets an order (again: a new order, 再次), with its
	 * own deadline, worked in {@code supervision-order.bpmn}: the reply task in the department's worklist, the issuing
	 * level's review, the county's task when the deadline passes. The copies to 督查室 and 纪委监委 are recorded on the
	 * case's timeline, one entry per recipient, for the notification feature to deliver. Returns the new deadline the
	 * department is held to.
	 */
	@Transactional
	public Instant supervise(UUID caseId, String department, Phase phase, UUID clockId, String issuer, String actor) {
		Instant now = time.now();
		clocks.stop(clockId, ClockState.BREACHED, "超时未" + (phase == Phase.ACCEPTANCE ? "报到" : "办结"), actor);
		boolean again = !orders.findFor(caseId, department, phase.name()).isEmpty();
		String what = phase == Phase.ACCEPTANCE ? "报到" : "办理";
		SupervisionOrder order = orders.save(SupervisionOrder.issued(caseId, department, phase, issuer,
				department + " 超过" + what + "时限" + (again ? "（再次）" : ""), properties.copyTo(), now,
				now.plus(properties.replyWithin())));
		String orderId = order.id().toString();
		files.note(caseId, actor,
				TimelineNote.of("SUPERVISION_ORDER_ISSUED", "督办单：" + order.reason() + "，限 " + order.replyDueAt() + " 前回复",
						Map.of("departmentCode", department, "orderId", orderId, "copiedTo",
								String.join(",", properties.copyTo())))
					// an order is issued because the department's limit passed
					.announcing(EventType.SLA_BREACHED)
					.announcing(EventType.SUPERVISION_ISSUED));
		for (String recipient : properties.copyTo()) {
			files.note(caseId, actor, TimelineNote.of("SUPERVISION_ORDER_COPIED", "督办单抄送 " + recipient,
					Map.of("orderId", orderId, "recipient", recipient, "departmentCode", department)));
		}
		runtime.startProcessInstanceByKey(SupervisionOrderProcess.PROCESS_KEY, caseId.toString(),
				Map.of("caseId", caseId.toString(), "caseNumber", files.get(caseId).caseNumber(), Vars.ORDER_ID,
						orderId, Vars.DEPARTMENT_CODE, department, Vars.ISSUER, issuer, Vars.REPLY_DUE_AT,
						Date.from(order.replyDueAt())));
		return order.replyDueAt();
	}

	/**
	 * The department's reply (整改回复) through the orders resource: completes the order's reply task, as the worklist
	 * would, so that the reply stops the order's deadline and goes to the issuing level's review. 409 when the order
	 * is not open for a reply.
	 */
	@Transactional
	public SupervisionOrder reply(UUID orderId, String reply, String actor) {
		SupervisionOrder order = get(orderId);
		Task task = tasks.createTaskQuery()
			.processDefinitionKey(SupervisionOrderProcess.PROCESS_KEY)
			.taskDefinitionKey(Ids.TASK_REPLY)
			.processVariableValueEquals(Vars.ORDER_ID, orderId.toString())
			.singleResult();
		if (task == null || order.status() != SupervisionStatus.OPEN) {
			throw new ConflictException("Supervision order " + orderId + " is " + order.status() + ", not open for a reply");
		}
		engineUser.runAs(actor,
				() -> tasks.complete(task.getId(), Map.of(Vars.REPLY_OUTCOME, SupervisionOutcomes.REPLY, Vars.REPLY, reply)));
		return get(orderId);
	}

	/** Records the reply given in the reply task; the order's deadline stops with the task. */
	@Transactional
	public SupervisionOrder recordReply(UUID orderId, String reply, String actor) {
		SupervisionOrder order = get(orderId);
		order.reply(reply, actor, time.now());
		SupervisionOrder saved = orders.save(order);
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_REPLIED", "督办回复：" + reply,
				Map.of("orderId", orderId.toString()))
			.announcing(EventType.SUPERVISION_REPLIED));
		return saved;
	}

	/** The issuing level accepts the reply: the order is done. */
	@Transactional
	public void accept(UUID orderId, String note, String actor) {
		SupervisionOrder order = get(orderId);
		order.accept(note, actor, time.now());
		orders.save(order);
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_ACCEPTED",
				"督办回复已认可" + (note == null ? "" : "：" + note), Map.of("orderId", orderId.toString())));
	}

	/** The issuing level sends the reply back: a new deadline from now; returns it. */
	@Transactional
	public Instant sendBack(UUID orderId, String reason, String actor) {
		SupervisionOrder order = get(orderId);
		Instant now = time.now();
		Instant due = now.plus(properties.replyWithin());
		order.sendBack(reason, actor, now, due);
		orders.save(order);
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_SENT_BACK", "督办回复退回重新整改：" + reason,
				Map.of("orderId", orderId.toString(), "replyDueAt", due.toString())));
		return due;
	}

	/**
	 * The order's deadline passed without a reply: MISSED, an escalation to the county on record, and the county's
	 * task follows in the diagram. An order that is no longer open (replied first) stays as it is.
	 */
	@Transactional
	public void missed(UUID orderId, String actor) {
		SupervisionOrder order = get(orderId);
		Instant now = time.now();
		if (!order.miss(now)) {
			return;
		}
		orders.save(order);
		String reason = order.departmentCode() + " 督办期限内未回复，报县综治中心";
		escalations.save(new Escalation(UUID.randomUUID(), order.caseId(), ResponseLevel.DEPARTMENT,
				order.departmentCode(), ResponseLevel.COUNTY, countyCentre, EscalationTrigger.SUPERVISION, reason, actor,
				now));
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_ESCALATED", reason,
				Map.of("departmentCode", order.departmentCode(), "orderId", orderId.toString()))
			.announcing(EventType.SUPERVISION_MISSED));
	}

	/** What the county centre did about a missed order (约谈 INTERVIEW or 督办审核 REVIEWED). */
	@Transactional
	public void countyActed(UUID orderId, String measure, String note, String actor) {
		SupervisionOrder order = get(orderId);
		order.countyActed(measure, note, actor, time.now());
		orders.save(order);
		files.note(order.caseId(), actor, TimelineNote.of("SUPERVISION_COUNTY_ACTED",
				(SupervisionOutcomes.INTERVIEW.equals(measure) ? "县综治中心约谈：" : "县综治中心督办审核：") + note,
				Map.of("orderId", orderId.toString(), "measure", measure)));
	}

	public SupervisionOrder get(UUID orderId) {
		return orders.findById(orderId).orElseThrow(() -> new NotFoundException("Supervision order", orderId));
	}

	public Page find(UUID caseId, String department, String status, int page, int size) {
		return new Page(orders.find(caseId, department, status, size, (long) page * size),
				orders.count(caseId, department, status));
	}

}
