package io.casegrid.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLocation;
import io.casegrid.casefile.CaseProcesses;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.Placement;
import io.casegrid.security.Actor;
import io.casegrid.triage.ResidentRegistry;
import io.casegrid.triage.ResidentTags;
import io.casegrid.web.IdempotencyKeyReusedException;
import io.casegrid.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One door for every channel (一个入口). Stores the case, its first timeline entry and its idempotency key, and
 * starts its process, all in one transaction: when the caller gets its 201, the case is durable and on its way.
 */
@Service
class Intake {

	/** The outcome of a report: the case, and whether it was taken in just now or earlier with the same key. */
	record Receipt(CaseFile file, boolean replayed) {
	}

	private final CaseFiles files;

	private final CaseNumbers numbers;

	private final IntakeRequests requests;

	private final OrgDirectory org;

	private final CaseProcesses processes;

	private final TimeSource time;

	private final ResidentRegistry residents;

	private final ReportingRights rights;

	private final IntakeProperties properties;

	Intake(CaseFiles files, CaseNumbers numbers, IntakeRequests requests, OrgDirectory org, CaseProcesses processes,
			TimeSource time, ResidentRegistry residents, ReportingRights rights, IntakeProperties properties) {
		this.rights = rights;
		this.properties = properties;
		this.residents = residents;
		this.files = files;
		this.numbers = numbers;
		this.requests = requests;
		this.org = org;
		this.processes = processes;
		this.time = time;
	}

	/**
	 * Takes in a case, if the reporter may report through its channel into its place ({@link ReportingRights}).
	 * @param idempotencyKey the client's key (of this reporter's keys, unexpired), or null
	 * @param requestHash a hash of the request as the client sent it, to tell a retry from a different request
	 */
	@Transactional
	public Receipt report(NewCase report, String idempotencyKey, String requestHash, Actor reporter) {
		Placement placement = org.place(report.unitCode())
			.orElseThrow(() -> new InvalidRequestException("location.unitCode",
					"is not a known grid, village/community or township code: " + report.unitCode()));
		rights.check(reporter, placement, report.channel());
		String actor = reporter.id();
		String key = effectiveKey(report, idempotencyKey);
		UUID caseId = UUID.randomUUID();
		var now = time.now();
		Instant expiredBefore = now.minus(properties.idempotencyKeyTtl());
		if (key != null && !requests.claim(actor, key, requestHash, caseId, now, expiredBefore)) {
			var seen = requests.find(actor, key).orElseThrow();
			if (!seen.requestHash().equals(requestHash)) {
				throw new IdempotencyKeyReusedException(idempotencyKey != null ? idempotencyKey
						: report.channel() + ":" + report.channelReference());
			}
			return new Receipt(files.get(seen.caseId()), true);
		}
		CaseFile file = CaseFile.reported(caseId, numbers.next(now), report.channel(), report.channelReference(),
				report.categoryCode(), report.title(), report.description(),
				new CaseLocation(report.address(), report.latitude(), report.longitude(), placement.unitCode(),
						placement.gridCode(), placement.villageCode(), placement.townshipCode(),
						placement.countyCode()),
				report.reporter(), report.occurredAt(), now);
		var tags = new java.util.TreeSet<>(report.reporterTags());
		tags.addAll(residents.tagsOf(report.reporter() == null ? null : report.reporter().phone()));
		file.tagReporter(tags, ResidentTags.anyVulnerable(tags));
		CaseFile saved = files.open(file, report.attachments(), actor,
				TimelineNote.of("REPORTED", "问题上报：" + report.title(), Map.of("channel", report.channel().name()))
					.announcing(EventType.CASE_REPORTED));
		processes.start(saved, actor);
		requests.deleteExpired(expiredBefore);
		return new Receipt(saved, false);
	}

	/** The client's key, or else the channel's own reference: both identify one logical report. */
	private static String effectiveKey(NewCase report, String idempotencyKey) {
		if (idempotencyKey != null) {
			return "key:" + idempotencyKey;
		}
		if (report.channelReference() != null) {
			return "ref:" + report.channel() + ":" + report.channelReference();
		}
		return null;
	}

}
