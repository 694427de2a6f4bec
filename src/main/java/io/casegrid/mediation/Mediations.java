package io.casegrid.mediation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgLevel;
import io.casegrid.org.OrgUnit;
import io.casegrid.sla.ClockStart;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;
import io.casegrid.sla.TimerBinding;
import io.casegrid.web.ConflictException;
import io.casegrid.web.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tiered mediation of disputes: keeps the mediation record and writes each step on the case's timeline. Called by the
 * glue of {@code tiered-mediation.bpmn} (and the processes it calls) and by the mediation REST resource.
 */
@Service
public class Mediations {

	/** The SLA class of a mediation clock: its limit comes from {@code mediation-policy.dmn}, not the SLA classes. */
	static final String CLOCK_CLASS = "DISPUTE";

	private final MediationRepository mediations;

	private final MediationAgreementRepository agreements;

	private final BrandRooms brandRooms;

	private final OrgDirectory org;

	private final CaseFiles files;

	private final MediationProperties limits;

	private final MediationPolicy policy;

	private final SlaClocks clocks;

	private final TimeSource time;

	private final ZoneId zone;

	Mediations(MediationRepository mediations, MediationAgreementRepository agreements, BrandRooms brandRooms,
			OrgDirectory org, CaseFiles files, MediationProperties limits, MediationPolicy policy, SlaClocks clocks,
			TimeSource time, @Value("${casegrid.zone}") ZoneId zone) {
		this.policy = policy;
		this.clocks = clocks;
		this.mediations = mediations;
		this.agreements = agreements;
		this.brandRooms = brandRooms;
		this.org = org;
		this.files = files;
		this.limits = limits;
		this.time = time;
		this.zone = zone;
	}

	/**
	 * Opens the record for a dispute handed to the committee of {@code unitCode} (a village, or a township) and starts
	 * the village tier's clock (phase MEDIATION) with its time box from {@code mediation-policy.dmn}; {@code timers}
	 * are the BPMN timers that read it.
	 */
	@Transactional
	public MediatorPlacement open(UUID caseId, String unitCode, TimerBinding timers) {
		var chain = org.find(unitCode).orElseThrow(() -> new NotFoundException("Org unit", unitCode));
		String township = chain.level() == OrgLevel.TOWNSHIP ? chain.code() : chain.parentCode();
		BrandRoom room = brandRooms.serving(unitCode, township).orElse(null);
		Instant now = time.now();
		stopClock(caseId, ClockState.MET, "重新调解", "system");
		SlaClock clock = startClock(caseId, MediationLevel.VILLAGE, unitCode, timers, "system");
		Instant dueAt = clock.dueAt();
		String roomCode = room == null ? null : room.code();
		Mediation mediation = mediations.findById(caseId)
			.map(again -> again.reopen(unitCode, township, roomCode, dueAt))
			.orElseGet(() -> Mediation.received(caseId, unitCode, township, roomCode, dueAt, now));
		mediations.save(mediation);
		files.note(caseId, "system", TimelineNote.of("MEDIATION_RECEIVED",
				"交" + unitName(unitCode) + "调解委员会受理" + (room == null ? "" : "；" + room.name() + "可及时介入"),
				room == null ? Map.of("villageCode", unitCode) : Map.of("villageCode", unitCode, "brandRoom", room.code())));
		return new MediatorPlacement(unitCode, township, room, clock);
	}

	public Optional<Mediation> find(UUID caseId) {
		return mediations.findById(caseId);
	}

	public Mediation get(UUID caseId) {
		return find(caseId).orElseThrow(() -> new NotFoundException("Mediation of case", caseId));
	}

	public Optional<BrandRoom> brandRoom(String code) {
		return code == null ? Optional.empty() : brandRooms.find(code);
	}

	@Transactional
	public void accept(UUID caseId, String parties, String summary, String actor, String comment) {
		change(caseId, m -> m.accept(parties, summary));
		files.change(caseId, actor, TimelineNote.of("MEDIATION_ACCEPTED", "调解委员会受理：" + summary,
				Map.of("parties", parties)).withComment(comment), f -> f.startHandling());
	}

	@Transactional
	public void decline(UUID caseId, String reason, String actor, String comment) {
		change(caseId, m -> m.decline(reason));
		files.note(caseId, actor, TimelineNote.of("MEDIATION_DECLINED", "不予受理：" + reason).withComment(comment));
	}

	@Transactional
	public void brandRoomStepsIn(UUID caseId, String reason, String actor) {
		Mediation m = get(caseId);
		String room = brandRoom(m.brandRoomCode()).map(BrandRoom::name).orElse("品牌调解室");
		files.note(caseId, actor, TimelineNote.of("BRAND_ROOM_STEPPED_IN",
				room + "及时介入，接手调解" + (reason == null ? "" : "：" + reason)));
	}

	/** Records a session while a level is open; 409 when none is. */
	@Transactional
	public MediationSession recordSession(UUID caseId, Instant heldAt, String participants, String summary,
			String actor) {
		Mediation m = get(caseId);
		if (!m.isOpen()) {
			throw new ConflictException("No mediation level is open for case " + caseId + " (" + m.status() + ")");
		}
		if (m.sessions().size() >= Mediation.MAX_SESSIONS) {
			throw new ConflictException("Case " + caseId + " has " + Mediation.MAX_SESSIONS
					+ " mediation sessions recorded, the most a dispute takes");
		}
		MediationSession session = new MediationSession(m.level(), heldAt, participants, summary, actor, time.now());
		m.record(session);
		mediations.save(m);
		files.note(caseId, actor, TimelineNote.of("MEDIATION_SESSION",
				m.level().label() + "调解：" + summary, Map.of("heldAt", heldAt.toString(), "participants", participants))
					.announcing(EventType.MEDIATION_SESSION_RECORDED));
		return session;
	}

	/** Asks for more time at the current level; returns the number of requests so far (only the first may be granted). */
	@Transactional
	public int requestExtension(UUID caseId, String reason, String actor, String comment) {
		Mediation m = get(caseId);
		int count = m.requestExtension();
		mediations.save(m);
		files.note(caseId, actor, TimelineNote.of("EXTENSION_REQUESTED", "申请延期：" + reason,
				Map.of("request", Integer.toString(count))).withComment(comment));
		if (count > 1) {
			files.note(caseId, "system", TimelineNote.of("EXTENSION_REFUSED", "再次申请延期，不予批准（每级只可延期一次）"));
		}
		return count;
	}

	/**
	 * Grants the extension: the level's clock moves by the extension {@code mediation-policy.dmn} states for its tier,
	 * counted as the clock counts, and its timers, variables and task due date with it; returns the new due time.
	 */
	@Transactional
	public Instant grantExtension(UUID caseId, String actor, String note) {
		Mediation m = get(caseId);
		SlaClock clock = clocks.open(caseId, Phase.MEDIATION)
			.orElseThrow(() -> new ConflictException("No mediation time box runs for case " + caseId));
		Instant dueAt = clocks.extend(clock.id(), policy.timeBox(m.level()).extension(), "调解延期", actor).dueAt();
		m.extendTo(dueAt);
		mediations.save(m);
		files.note(caseId, actor, TimelineNote.of("EXTENSION_GRANTED", "批准延期至 " + local(dueAt),
				Map.of("dueAt", dueAt.toString())).withComment(note));
		return dueAt;
	}

	@Transactional
	public void refuseExtension(UUID caseId, String actor, String reason) {
		files.note(caseId, actor, TimelineNote.of("EXTENSION_REFUSED", "不予延期：" + reason));
	}

	@Transactional
	public void warnDue(UUID caseId, String what) {
		Mediation m = get(caseId);
		clocks.open(caseId, Phase.MEDIATION)
			.filter(c -> c.warnedAt() == null)
			.ifPresent(c -> clocks.warned(c.id(), "system"));
		files.note(caseId, "system", TimelineNote.of("MEDIATION_DUE_WARNING",
				what + "（" + m.level().label() + "时限 " + local(m.levelDueAt()) + "）"));
	}

	/** The open level's time box ran out; returns that level. */
	@Transactional
	public MediationLevel levelTimedOut(UUID caseId) {
		Mediation m = get(caseId);
		m.timeUp();
		mediations.save(m);
		stopClock(caseId, ClockState.BREACHED, m.level().label() + "调解期满", "system");
		files.note(caseId, "system", TimelineNote.of("MEDIATION_LEVEL_EXPIRED", m.level().label() + "调解期满，未能调成"));
		return m.level();
	}

	/**
	 * Moves the dispute on: the brand room steps in on the village tier's clock (its time box is what the village has
	 * left; {@code timers} take the clock over), the three heads and the county each get their tier's clock from
	 * {@code mediation-policy.dmn} (the tier below stops: ESCALATED, or BREACHED when its box had run out). Returns the
	 * open clock.
	 */
	@Transactional
	public SlaClock enter(UUID caseId, MediationLevel level, TimerBinding timers, String actor) {
		Mediation m = get(caseId);
		SlaClock clock;
		if (level == MediationLevel.BRAND_ROOM) {
			clock = clocks.open(caseId, Phase.MEDIATION)
				.map(village -> clocks.rebind(village.id(), timers))
				.orElseThrow(() -> new ConflictException("The village time box of case " + caseId + " has ended"));
		}
		else {
			stopClock(caseId, ClockState.ESCALATED, "报" + level.label(), actor);
			String unit = level == MediationLevel.THREE_HEADS ? m.townshipCode() : countyOf(m.townshipCode());
			clock = startClock(caseId, level, unit, timers, actor);
		}
		Instant dueAt = clock.dueAt();
		m.enter(level, dueAt);
		mediations.save(m);
		String who = level == MediationLevel.BRAND_ROOM
				? brandRoom(m.brandRoomCode()).map(BrandRoom::name).orElse(level.label())
				: level == MediationLevel.THREE_HEADS ? unitName(m.townshipCode()) + level.label() : level.label();
		files.change(caseId, actor, TimelineNote.of("MEDIATION_LEVEL_ENTERED", "进入" + who + "，时限 " + local(dueAt),
				Map.of("level", level.name(), "dueAt", dueAt.toString()))
					.announcing(EventType.MEDIATION_LEVEL_ENTERED), f -> f.startHandling());
		return clock;
	}

	private SlaClock startClock(UUID caseId, MediationLevel level, String unitCode, TimerBinding timers,
			String actor) {
		return clocks.start(new ClockStart(caseId, Phase.MEDIATION, level.tier(), unitCode, null, CLOCK_CLASS, timers),
				policy.timeBox(level).limit(), actor);
	}

	/** Stops the open mediation clock, if any; one whose box has run out stops BREACHED whatever the reason. */
	private void stopClock(UUID caseId, ClockState reason, String note, String actor) {
		clocks.open(caseId, Phase.MEDIATION).ifPresent(clock -> clocks.stop(clock.id(),
				clock.dueAt().isBefore(time.now()) ? ClockState.BREACHED : reason, note, actor));
	}

	private String countyOf(String townshipCode) {
		return org.find(townshipCode).map(OrgUnit::parentCode).orElse(townshipCode);
	}

	@Transactional
	public void recordOpinion(UUID caseId, Head head, String opinion, String actor) {
		change(caseId, m -> m.give(new HeadOpinion(head, opinion, actor, time.now())));
		files.note(caseId, actor, TimelineNote.of("HEAD_OPINION", head.label() + "意见：" + opinion,
				Map.of("head", head.name())));
	}

	@Transactional
	public void settle(UUID caseId, String summary, String actor, String comment) {
		Mediation m = get(caseId);
		m.settle(summary);
		mediations.save(m);
		stopClock(caseId, ClockState.MET, m.level().label() + "调解成功", actor);
		files.note(caseId, actor,
				TimelineNote.of("MEDIATION_SETTLED", m.level().label() + "调解成功：" + summary)
					.announcing(EventType.MEDIATION_SETTLED).withComment(comment));
	}

	@Transactional
	public void notSettled(UUID caseId, String reason, String actor, String comment) {
		Mediation m = get(caseId);
		m.noteNotSettled(reason);
		mediations.save(m);
		files.note(caseId, actor,
				TimelineNote.of("MEDIATION_NOT_SETTLED", m.level().label() + "未能调成：" + reason)
					.announcing(EventType.MEDIATION_FAILED).withComment(comment));
	}

	@Transactional
	public void refer(UUID caseId, ReferralChannel channel, String reason) {
		change(caseId, m -> m.refer(channel, reason));
		stopClock(caseId, ClockState.MET, "转介" + channel.label(), "system");
		files.note(caseId, "system", TimelineNote.of("MEDIATION_REFERRED", "转介" + channel.label() + "：" + reason,
				Map.of("channel", channel.name())));
	}

	/** Records the signed agreement (调解协议书) and the judicial-confirmation deadline it starts. */
	@Transactional
	public MediationAgreement sign(UUID caseId, AgreementTerms terms, String actor) {
		Mediation m = get(caseId);
		Instant signedAt = time.now();
		Instant confirmationDue = signedAt.plus(limits.judicialConfirmationPeriod());
		String organisation = m.level() == MediationLevel.BRAND_ROOM
				? brandRoom(m.brandRoomCode()).map(BrandRoom::name).orElse("品牌调解室")
				: m.level() == MediationLevel.THREE_HEADS ? unitName(m.townshipCode()) + "人民调解委员会（三长会商）"
						: m.level() == MediationLevel.COUNTY ? unitName(countyOf(m.townshipCode())) + "综治中心"
								: unitName(m.villageCode()) + "人民调解委员会";
		String caseNumber = files.get(caseId).caseNumber();
		String number = "（" + signedAt.atZone(zone).getYear() + "）调字第"
				+ caseNumber.substring(caseNumber.lastIndexOf('-') + 1) + "号";
		MediationAgreement agreement = agreements.save(new MediationAgreement(UUID.randomUUID(), caseId, number,
				organisation, actor, terms.parties(), terms.facts(), terms.obligations(), terms.performance(),
				terms.performBy(), terms.signaturesConfirmed(), signedAt, confirmationDue, null));
		m.awaitJudicialConfirmation(confirmationDue);
		mediations.save(m);
		files.note(caseId, actor, TimelineNote.of("AGREEMENT_SIGNED", "签订调解协议书 " + number,
				Map.of("agreementId", agreement.id().toString(), "judicialConfirmationDueAt", confirmationDue.toString()))
					.announcing(EventType.MEDIATION_AGREEMENT_SIGNED));
		return agreement;
	}

	@Transactional
	public void judicialConfirmation(UUID caseId, String status, String court, String actor) {
		change(caseId, m -> m.judicialConfirmation(status, court));
		String summary = switch (status) {
			case MediationOutcomes.APPLIED -> "已向" + court + "申请司法确认";
			case MediationOutcomes.WAIVED -> "当事人放弃申请司法确认";
			default -> "30日内未申请司法确认";
		};
		TimelineNote note = TimelineNote.of("JUDICIAL_CONFIRMATION", summary, Map.of("status", status));
		// the 30 days for judicial confirmation came due without an application
		files.note(caseId, actor, "LAPSED".equals(status) ? note
			.announcing(EventType.MEDIATION_CONFIRMATION_DUE) : note);
	}

	@Transactional
	public void followUp(UUID caseId, String outcome, String note, String actor, String comment) {
		change(caseId, m -> m.followUp(outcome, note));
		files.note(caseId, actor, TimelineNote.of("MEDIATION_FOLLOW_UP", "回访：" + note, Map.of("outcome", outcome))
			.withComment(comment));
	}

	/**
	 * Closes the mediation and writes its result back to the case: the outcome as it happened (settled, not settled,
	 * timed out or declined) on the mediation record and in the timeline entry's details ({@code outcome}), the
	 * result in words as the case's resolution. Returns the outcome.
	 */
	@Transactional
	public MediationOutcome conclude(UUID caseId) {
		Mediation m = get(caseId);
		MediationOutcome outcome = m.outcome()
			.orElseThrow(() -> new IllegalStateException("Mediation of case " + caseId + " has no outcome yet"));
		m.conclude();
		mediations.save(m);
		String resolution = outcome == MediationOutcome.SETTLED
				? m.level().label() + outcome.label() + "：" + m.resultSummary()
				: outcome.label() + "，已转介" + m.referralChannel().label() + "：" + m.referralReason();
		files.change(caseId, "system",
				TimelineNote.of("MEDIATION_CONCLUDED", resolution, Map.of("outcome", outcome.name())),
				f -> f.resolve(resolution));
		return outcome;
	}

	public Optional<MediationAgreement> agreementOf(UUID caseId) {
		return agreements.findFirstByCaseIdOrderBySignedAtDesc(caseId);
	}

	public Optional<MediationAgreement> agreement(UUID agreementId) {
		return agreements.findById(agreementId);
	}

	public String unitName(String code) {
		return code == null ? "" : org.find(code).map(OrgUnit::name).orElse(code);
	}

	private void change(UUID caseId, java.util.function.Consumer<Mediation> change) {
		Mediation m = get(caseId);
		change.accept(m);
		mediations.save(m);
	}

	private String local(Instant instant) {
		return instant.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
	}

}
