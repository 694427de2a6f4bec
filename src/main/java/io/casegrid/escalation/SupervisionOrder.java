package io.casegrid.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.casegrid.sla.Phase;
import io.casegrid.web.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A supervision order (督办单) to a whistled department that missed its acknowledgement or handling limit: who issued
 * it and why, its own deadline, the reply it requires, and who received a copy.
 */
@Table("supervision_order")
public class SupervisionOrder {

	@Id
	private UUID id;

	private UUID caseId;

	private String departmentCode;

	private Phase phase;

	private String issuer;

	private String reason;

	private String copiedTo;

	private Instant issuedAt;

	private Instant replyDueAt;

	private SupervisionStatus status;

	private String reply;

	private String repliedBy;

	private Instant repliedAt;

	private Instant missedAt;

	@Version
	private Long version;

	SupervisionOrder() {
	}

	static SupervisionOrder issued(UUID caseId, String departmentCode, Phase phase, String issuer, String reason,
			List<String> copiedTo, Instant at, Instant replyDueAt) {
		SupervisionOrder o = new SupervisionOrder();
		o.id = UUID.randomUUID();
		o.caseId = caseId;
		o.departmentCode = departmentCode;
		o.phase = phase;
		o.issuer = issuer;
		o.reason = reason;
		o.copiedTo = String.join(",", copiedTo);
		o.issuedAt = at;
		o.replyDueAt = replyDueAt;
		o.status = SupervisionStatus.OPEN;
		return o;
	}

	void reply(String reply, String by, Instant at) {
		if (status != SupervisionStatus.OPEN) {
			throw new ConflictException("Supervision order " + id + " is " + status + ", not open for a reply");
		}
		this.reply = reply;
		this.repliedBy = by;
		this.repliedAt = at;
		this.status = SupervisionStatus.REPLIED;
	}

	/** The deadline passed and the department still had not done what the order asked. */
	void miss(Instant at) {
		this.missedAt = at;
		this.status = SupervisionStatus.MISSED;
	}

	public UUID id() {
		return id;
	}

	public UUID caseId() {
		return caseId;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public Phase phase() {
		return phase;
	}

	public String issuer() {
		return issuer;
	}

	public String reason() {
		return reason;
	}

	public List<String> copiedTo() {
		return List.of(copiedTo.split(","));
	}

	public Instant issuedAt() {
		return issuedAt;
	}

	public Instant replyDueAt() {
		return replyDueAt;
	}

	public SupervisionStatus status() {
		return status;
	}

	public String reply() {
		return reply;
	}

	public String repliedBy() {
		return repliedBy;
	}

	public Instant repliedAt() {
		return repliedAt;
	}

	public Instant missedAt() {
		return missedAt;
	}

}
