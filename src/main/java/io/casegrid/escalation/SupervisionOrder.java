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

	private String reviewNote;

	private String reviewedBy;

	private Instant reviewedAt;

	private String countyMeasure;

	private String countyNote;

	private String countyBy;

	private Instant countyAt;

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

	/**
	 * The deadline passed without a reply: MISSED. Returns false, changing nothing, when the order is no longer open (a
	 * reply that came first wins over a deadline job that fires after it).
	 */
	boolean miss(Instant at) {
		if (status != SupervisionStatus.OPEN) {
			return false;
		}
		this.missedAt = at;
		this.status = SupervisionStatus.MISSED;
		return true;
	}

	/** The issuing level accepts the reply: the order is done. */
	void accept(String note, String by, Instant at) {
		requireReplied();
		this.reviewNote = note;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.status = SupervisionStatus.ACCEPTED;
	}

	/** The issuing level sends the reply back: the order is open again with a new deadline. */
	void sendBack(String reason, String by, Instant at, Instant newReplyDueAt) {
		requireReplied();
		this.reviewNote = reason;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.replyDueAt = newReplyDueAt;
		this.status = SupervisionStatus.OPEN;
	}

	/** What the county did about a missed order (约谈 or 督办审核). */
	void countyActed(String measure, String note, String by, Instant at) {
		this.countyMeasure = measure;
		this.countyNote = note;
		this.countyBy = by;
		this.countyAt = at;
	}

	private void requireReplied() {
		if (status != SupervisionStatus.REPLIED) {
			throw new ConflictException("Supervision order " + id + " is " + status + ", not replied");
		}
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

	public String reviewNote() {
		return reviewNote;
	}

	public String reviewedBy() {
		return reviewedBy;
	}

	public Instant reviewedAt() {
		return reviewedAt;
	}

	public String countyMeasure() {
		return countyMeasure;
	}

	public String countyNote() {
		return countyNote;
	}

	public String countyBy() {
		return countyBy;
	}

	public Instant countyAt() {
		return countyAt;
	}

}
