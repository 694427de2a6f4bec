package io.casegrid.mediation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The mediation record of one dispute: the level it reached, the parties, every session and opinion, and how it
 * ended (agreement with its judicial-confirmation deadline, or referral), then the follow-up visit.
 */
@Table("mediation")
public class Mediation {

	@Id
	private UUID caseId;

	private String villageCode;

	private String townshipCode;

	private String brandRoomCode;

	private MediationLevel level;

	private MediationStatus status;

	private MediationOutcome outcome;

	private String parties;

	private String disputeSummary;

	private Instant levelDueAt;

	private int extensionCount;

	private String resultSummary;

	private ReferralChannel referralChannel;

	private String referralReason;

	private Instant judicialConfirmationDueAt;

	private String judicialConfirmationStatus;

	private String judicialConfirmationCourt;

	private String followUpOutcome;

	private String followUpNote;

	private Instant openedAt;

	@MappedCollection(idColumn = "mediation", keyColumn = "position")
	private List<MediationSession> sessions = new ArrayList<>();

	@MappedCollection(idColumn = "mediation")
	private Set<HeadOpinion> opinions = new HashSet<>();

	@Version
	private Long version;

	Mediation() {
	}

	static Mediation received(UUID caseId, String villageCode, String townshipCode, String brandRoomCode,
			Instant levelDueAt, Instant at) {
		Mediation m = new Mediation();
		m.caseId = caseId;
		m.villageCode = villageCode;
		m.townshipCode = townshipCode;
		m.brandRoomCode = brandRoomCode;
		m.level = MediationLevel.VILLAGE;
		m.status = MediationStatus.RECEIVED;
		m.levelDueAt = levelDueAt;
		m.openedAt = at;
		return m;
	}

	/** A dispute mediated again (重办 after a 不满意): back to the committee, history kept. */
	Mediation reopen(String villageCode, String townshipCode, String brandRoomCode, Instant levelDueAt) {
		this.villageCode = villageCode;
		this.townshipCode = townshipCode;
		this.brandRoomCode = brandRoomCode;
		this.level = MediationLevel.VILLAGE;
		this.status = MediationStatus.RECEIVED;
		this.levelDueAt = levelDueAt;
		this.extensionCount = 0;
		this.referralChannel = null;
		this.referralReason = null;
		this.outcome = null;
		return this;
	}

	void accept(String parties, String disputeSummary) {
		this.parties = parties;
		this.disputeSummary = disputeSummary;
		this.status = MediationStatus.IN_PROGRESS;
	}

	/** The most sessions a dispute records (the contract's {@code MediationRecord.sessions.maxItems}). */
	static final int MAX_SESSIONS = 100;

	boolean isOpen() {
		return status == MediationStatus.IN_PROGRESS;
	}

	void record(MediationSession session) {
		sessions.add(session);
	}

	/** Asks for an extension of the current level; returns how many were asked for so far. */
	int requestExtension() {
		return ++extensionCount;
	}

	void extendTo(Instant dueAt) {
		this.levelDueAt = dueAt;
	}

	void enter(MediationLevel level, Instant dueAt) {
		this.level = level;
		this.levelDueAt = dueAt;
		this.status = MediationStatus.IN_PROGRESS;
	}

	void give(HeadOpinion opinion) {
		opinions.removeIf(o -> o.head() == opinion.head());
		opinions.add(opinion);
	}

	void settle(String summary) {
		this.resultSummary = summary;
		this.status = MediationStatus.SETTLED;
		this.outcome = MediationOutcome.SETTLED;
	}

	/** 不予受理: the dispute ends before any level mediated it. */
	void decline(String reason) {
		this.resultSummary = reason;
		this.outcome = MediationOutcome.DECLINED;
	}

	/** The level's time box ran out; at the last tier (县综治中心) that ends the mediation unsettled. */
	void timeUp() {
		if (level == MediationLevel.COUNTY) {
			this.outcome = MediationOutcome.TIMED_OUT;
		}
	}

	void noteNotSettled(String reason) {
		this.resultSummary = reason;
	}

	void refer(ReferralChannel channel, String reason) {
		this.referralChannel = channel;
		this.referralReason = reason;
		this.status = MediationStatus.REFERRED;
		if (outcome == null) {
			this.outcome = MediationOutcome.NOT_SETTLED;
		}
	}

	void awaitJudicialConfirmation(Instant dueAt) {
		this.judicialConfirmationDueAt = dueAt;
		this.judicialConfirmationStatus = "OPEN";
	}

	void judicialConfirmation(String status, String court) {
		this.judicialConfirmationStatus = status;
		this.judicialConfirmationCourt = court;
	}

	void followUp(String outcome, String note) {
		this.followUpOutcome = outcome;
		this.followUpNote = note;
	}

	void conclude() {
		this.status = this.status == MediationStatus.REFERRED ? MediationStatus.REFERRED : MediationStatus.CONCLUDED;
	}

	public UUID caseId() {
		return caseId;
	}

	public String villageCode() {
		return villageCode;
	}

	public String townshipCode() {
		return townshipCode;
	}

	public String brandRoomCode() {
		return brandRoomCode;
	}

	public MediationLevel level() {
		return level;
	}

	public MediationStatus status() {
		return status;
	}

	/** How the mediation ended; empty while it runs. */
	public java.util.Optional<MediationOutcome> outcome() {
		return java.util.Optional.ofNullable(outcome);
	}

	public String parties() {
		return parties;
	}

	public String disputeSummary() {
		return disputeSummary;
	}

	public Instant levelDueAt() {
		return levelDueAt;
	}

	public int extensionCount() {
		return extensionCount;
	}

	public String resultSummary() {
		return resultSummary;
	}

	public ReferralChannel referralChannel() {
		return referralChannel;
	}

	public String referralReason() {
		return referralReason;
	}

	public Instant judicialConfirmationDueAt() {
		return judicialConfirmationDueAt;
	}

	public String judicialConfirmationStatus() {
		return judicialConfirmationStatus;
	}

	public String judicialConfirmationCourt() {
		return judicialConfirmationCourt;
	}

	public String followUpOutcome() {
		return followUpOutcome;
	}

	public String followUpNote() {
		return followUpNote;
	}

	public List<MediationSession> sessions() {
		return List.copyOf(sessions);
	}

	public List<HeadOpinion> opinions() {
		return opinions.stream().sorted(java.util.Comparator.comparing(HeadOpinion::head)).toList();
	}

}
