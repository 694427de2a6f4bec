package io.casegrid.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of domain events: what happened to a case, named in the past tense as apps receive it
 * ({@code case.dispatched}). {@code docs/integration.md} and the contract's {@code EventType} list the same names;
 * {@code EventCatalogueTests} keeps the three in step. A payload's shape changes only with its schema version.
 */
public enum EventType {

	CASE_REPORTED("case.reported"),
	CASE_FILED("case.filed"),
	CASE_REJECTED("case.rejected"),
	CASE_DISPATCHED("case.dispatched"),
	TASK_ASSIGNED("task.assigned"),
	TASK_SIGNED_FOR("task.signed-for"),
	CASE_RETURNED("case.returned"),
	CASE_WHISTLED("case.whistled"),
	WHISTLE_APPLIED("whistle.applied"),
	WHISTLE_DECLINED("whistle.declined"),
	WHISTLE_JUDGED("whistle.judged"),
	DEPARTMENT_ACKNOWLEDGED("department.acknowledged"),
	DEPARTMENT_RETURNED("department.returned"),
	DEPARTMENT_WITHDRAWN("department.withdrawn"),
	JURISDICTION_CONFIRMED("jurisdiction.confirmed"),
	SLA_WARNING("sla.warning"),
	SLA_BREACHED("sla.breached"),
	SLA_RECALCULATED("sla.recalculated"),
	CASE_ESCALATED("case.escalated"),
	SUPERVISION_ISSUED("supervision.issued"),
	SUPERVISION_REPLIED("supervision.replied"),
	SUPERVISION_MISSED("supervision.missed"),
	EMERGENCY_ALERT("emergency.alert"),
	EMERGENCY_RE_ALERT("emergency.re-alert"),
	MEDIATION_LEVEL_ENTERED("mediation.level-entered"),
	MEDIATION_SESSION_RECORDED("mediation.session-recorded"),
	MEDIATION_SETTLED("mediation.settled"),
	MEDIATION_FAILED("mediation.failed"),
	MEDIATION_AGREEMENT_SIGNED("mediation.agreement-signed"),
	MEDIATION_CONFIRMATION_DUE("mediation.confirmation-due"),
	CASE_REPLIED("case.replied"),
	CASE_RESOLVED("case.resolved"),
	EVALUATION_REQUESTED("evaluation.requested"),
	EVALUATION_RECEIVED("evaluation.received"),
	FOLLOW_UP_VISIT_REQUESTED("follow-up-visit.requested"),
	FOLLOW_UP_VISIT_COMPLETED("follow-up-visit.completed"),
	CASE_REDO("case.redo"),
	CASE_ARCHIVED("case.archived"),
	/** A monthly 专报 was published (frozen); about a unit, not a case. */
	REPORT_PUBLISHED("report.published");

	/** The version of every payload's schema today; a type whose payload changes shape gets its own. */
	public static final int SCHEMA_VERSION = 1;

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	/** The name apps see: {@code case.dispatched}. */
	public String wireName() {
		return wireName;
	}

	public int schemaVersion() {
		return SCHEMA_VERSION;
	}

	public static Optional<EventType> fromWireName(String name) {
		return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
	}

}
