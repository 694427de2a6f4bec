package io.casegrid.emergency;

import java.util.Map;
import java.util.UUID;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;
import io.casegrid.security.Actor;
import io.casegrid.sla.ClockStart;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 应急处置直通上报: alerts, acknowledgement and handling of major emergencies, on the case's timeline. */
@Service
class Emergencies {

	private final CaseFiles files;

	private final OrgDirectory org;

	private final SlaClocks clocks;

	Emergencies(CaseFiles files, OrgDirectory org, SlaClocks clocks) {
		this.files = files;
		this.org = org;
		this.clocks = clocks;
	}

	/**
	 * County command's 接报 clock (phase ACCEPTANCE of {@code sla-policy.dmn}, 15 minutes for EMERGENCY) starts; returns
	 * the timer cycle that alerts county command again each time that limit passes in silence.
	 */
	@Transactional
	public String startAcknowledgementClock(UUID caseId) {
		SlaClock clock = clocks.start(new ClockStart(caseId, Phase.ACCEPTANCE, "COUNTY", countyOf(caseId), null, null,
				null), Actor.SYSTEM.id());
		return "R/" + clock.limit().iso();
	}

	/**
	 * Alerts county command, the township and the department: {@code emergency.alert}, written with the timeline
	 * entry, reaches them after commit (docs/integration.md, "People and channels").
	 */
	@Transactional
	public void notifyTownshipAndDepartment(UUID caseId) {
		CaseFile file = files.get(caseId);
		String township = name(file.location().townshipCode());
		String department = name(file.departmentCode());
		String recipients = String.join("、", java.util.stream.Stream.of(township, department)
			.filter(n -> !n.isEmpty())
			.toList());
		files.note(caseId, "system", TimelineNote.of("EMERGENCY_NOTIFIED", "直通县级指挥平台，同时通报：" + recipients,
				Map.of("township", String.valueOf(file.location().townshipCode()),
						"department", String.valueOf(file.departmentCode()))).announcing(EventType.EMERGENCY_ALERT));
	}

	@Transactional
	public void realert(UUID caseId) {
		files.note(caseId, "system", TimelineNote.of("EMERGENCY_REALERTED", "县级指挥平台超过接报时限未接报，再次告警")
			.announcing(EventType.EMERGENCY_RE_ALERT));
	}

	@Transactional
	public void acknowledge(UUID caseId, String actor, String note) {
		files.change(caseId, actor, TimelineNote.of("EMERGENCY_ACKNOWLEDGED", "县级指挥平台已接报").withComment(note),
				f -> f.startHandling());
		clocks.stopOpen(caseId, Phase.ACCEPTANCE, ClockState.MET, "县级指挥平台接报", actor);
		clocks.start(new ClockStart(caseId, Phase.HANDLING, "COUNTY", countyOf(caseId), null, null, null), actor);
	}

	@Transactional
	public void handled(UUID caseId, String resolution, String actor, String comment) {
		files.change(caseId, actor, TimelineNote.of("RESOLVED", "应急处置完毕：" + resolution)
			.announcing(EventType.CASE_RESOLVED).withComment(comment),
				f -> f.resolve(resolution));
		clocks.stopOpen(caseId, Phase.HANDLING, ClockState.MET, "应急处置完毕", actor);
	}

	private String countyOf(UUID caseId) {
		return files.get(caseId).location().countyCode();
	}

	private String name(String code) {
		return code == null ? "" : org.find(code).map(OrgUnit::name).orElse(code);
	}

}
