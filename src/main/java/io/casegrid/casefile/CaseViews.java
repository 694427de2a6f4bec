package io.casegrid.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.casegrid.api.model.AttachmentRef;
import io.casegrid.api.model.CaseDetail;
import io.casegrid.api.model.EvaluationView;
import io.casegrid.api.model.HandlingUnit;
import io.casegrid.api.model.LocationView;
import io.casegrid.org.OrgDirectory;
import io.casegrid.security.Actor;
import io.casegrid.security.ActorNames;

import org.springframework.stereotype.Component;

/** Builds the API's view of a case (the same for intake, reads and evaluation answers). */
@Component
public class CaseViews {

	/** The most timeline entries a case's view gives (the contract's {@code CaseDetail.timeline.maxItems}). */
	static final int MAX_TIMELINE = 500;

	private final CaseFiles files;

	private final OrgDirectory org;

	private final ActorNames names;

	CaseViews(CaseFiles files, OrgDirectory org, ActorNames names) {
		this.files = files;
		this.org = org;
		this.names = names;
	}

	/**
	 * The case as {@code reader} may read it. The reporter's population tags (残疾, 低保 … from the resident registry)
	 * and what follows from them (the vulnerable flag, the priority it raises) are for the staff who handle and
	 * oversee cases; an app that reports or relays evaluations never gets them, or a phone number would be enough to
	 * learn a resident's registry entry.
	 */
	public CaseDetail detail(UUID caseId, Actor reader) {
		CaseDetail view = detail(files.get(caseId));
		return reader.isApp() || reader.roles().isEmpty() ? withoutResidentProfile(view, Set.of()) : view;
	}

	/**
	 * The answer to a report, for every reporter (staff too): the tags the reporter sent come back, the registry's
	 * never — the reporter named a phone number, not a resident they handle.
	 */
	public CaseDetail reported(CaseFile file, Set<String> sentTags) {
		return withoutResidentProfile(detail(file), sentTags);
	}

	private static CaseDetail withoutResidentProfile(CaseDetail view, Set<String> sentTags) {
		view.vulnerable(null).priority(null);
		if (view.getReporter() != null) {
			view.getReporter().tags(sentTags.isEmpty() ? null : new ArrayList<>(new TreeSet<>(sentTags)));
		}
		return view;
	}

	private CaseDetail detail(CaseFile file) {
		CaseLocation l = file.location();
		CaseDetail view = new CaseDetail()
			.id(file.id())
			.caseNumber(file.caseNumber())
			.channel(io.casegrid.api.model.Channel.fromValue(file.channel().name()))
			.channelReference(file.channelReference())
			.categoryCode(file.categoryCode())
			.title(file.title())
			.description(file.description())
			.location(new LocationView(l.address(), l.unitCode()).unitName(org.nameOrNull(l.unitCode()))
				.latitude(l.latitude())
				.longitude(l.longitude())
				.gridCode(l.gridCode())
				.villageCode(l.villageCode())
				.townshipCode(l.townshipCode())
				.countyCode(l.countyCode()))
			.occurredAt(at(file.occurredAt()))
			.reportedAt(at(file.reportedAt()))
			.step(io.casegrid.api.model.CaseStep.fromValue(file.step().name()))
			.track(file.track())
			.startLevel(file.startLevel())
			.departmentCode(file.departmentCode())
			.departmentName(org.nameOrNull(file.departmentCode()))
			.slaClass(file.slaClass())
			.priority(file.priority())
			.vulnerable(file.vulnerable())
			.resolution(file.resolution())
			.valid(file.valid())
			.redoCount(file.redoCount())
			.possibleDuplicates(file.possibleDuplicates())
			.archivedAt(at(file.archivedAt()));
		if (file.reporter() != null) {
			view.reporter(new io.casegrid.api.model.Reporter().name(file.reporter().name())
				.phone(file.reporter().phone())
				.tags(file.reporterTags().isEmpty() ? null : file.reporterTags()));
		}
		if (file.handlingUnitCode() != null) {
			String name = org.find(file.handlingUnitCode()).map(u -> u.name()).orElse(file.handlingUnitCode());
			view.handlingUnit(new HandlingUnit(file.handlingUnitCode(), name));
		}
		Evaluation e = file.evaluation();
		if (e != null && e.score() != null) {
			view.evaluation(new EvaluationView(io.casegrid.api.model.EvaluationScore.fromValue(e.score().name()),
					at(e.at()), Boolean.TRUE.equals(e.defaulted()))
				.comment(e.comment()));
		}
		files.attachmentsOf(file.id())
			.forEach(a -> view.addAttachmentsItem(new AttachmentRef(a.uri()).name(a.name()).mediaType(a.mediaType())));
		// the latest MAX_TIMELINE (the contract's maxItems); one more is read to know whether there are more
		List<TimelineEntry> timeline = files.latestTimelineOf(file.id(), MAX_TIMELINE + 1);
		view.timelineTruncated(timeline.size() > MAX_TIMELINE ? Boolean.TRUE : null);
		timeline.subList(Math.max(0, timeline.size() - MAX_TIMELINE), timeline.size())
			.forEach(t -> view.addTimelineItem(new io.casegrid.api.model.TimelineEntry(at(t.at()), t.type(),
					t.actor(), t.summary())
				.actorName(names.of(t.actor()))
				.step(t.step() == null ? null : io.casegrid.api.model.CaseStep.fromValue(t.step().name()))
				.details(t.details())));
		return view;
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
