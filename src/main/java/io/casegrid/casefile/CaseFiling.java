package io.casegrid.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.events.EventType;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Service;

/**
 * 案卷建立: opens the case file of a reported case with a dedupe hint (open cases of the same category at the same
 * place) and triage's classification, which picks the processes of the dispatch and handling steps. What triage
 * cannot place goes to 人工研判 (the dispatcher's task), which may pick the track by hand.
 */
@Service
public class CaseFiling {

	private final CaseFiles files;

	private final Classifier classifier;

	private final FilingProperties properties;

	CaseFiling(CaseFiles files, Classifier classifier, FilingProperties properties) {
		this.files = files;
		this.classifier = classifier;
		this.properties = properties;
	}

	public Classification open(UUID caseId) {
		CaseFile file = files.get(caseId);
		List<String> duplicates = files.lookalikesOf(file, properties.duplicateWindow());
		Classifier.Triage triage = classifier.triage(file);
		Classification classification = classification(triage);
		String summary = "案卷建立：" + file.caseNumber()
				+ (triage.placed() ? "；研判为 " + triage.track() : "；规则无法研判，转人工研判")
				+ (duplicates.isEmpty() ? "" : "；疑似重复：" + String.join("、", duplicates));
		Map<String, String> details = new HashMap<>();
		details.put("track", String.valueOf(triage.track()));
		details.put("priority", triage.priority());
		details.put("slaClass", triage.slaClass());
		details.put("possibleDuplicates", String.join(",", duplicates));
		files.change(caseId, Actor.SYSTEM.id(), TimelineNote.of("FILED", summary, details)
			.announcing(EventType.CASE_FILED),
				f -> f.file(triage, duplicates));
		if (triage.departmentUnresolved()) {
			files.note(caseId, Actor.SYSTEM.id(), TimelineNote.of("DEPARTMENT_UNRESOLVED",
					"本县没有“" + triage.departmentKind() + "”类部门：由乡街办理，可吹哨召集部门",
					Map.of("departmentKind", triage.departmentKind())));
		}
		return classification;
	}

	/** The handling process of a track 研判 chose by hand. */
	public String handlingProcessOf(String track) {
		return properties.track(track).handlingProcess();
	}

	/** Records the track 研判 chose by hand. */
	public void retrack(UUID caseId, String track, String actor) {
		files.change(caseId, actor, TimelineNote.of("TRIAGED", "人工研判为 " + track, Map.of("track", track)),
				f -> f.retrack(track));
	}

	private Classification classification(Classifier.Triage triage) {
		if (!triage.placed()) {
			return new Classification(null, triage.startLevel(), triage.departmentCode(), triage.slaClass(),
					triage.priority(), properties.triageProcess(),
					properties.track(properties.unplacedTrack()).handlingProcess());
		}
		FilingProperties.Track track = properties.track(triage.track());
		return new Classification(triage.track(), triage.startLevel(), triage.departmentCode(), triage.slaClass(),
				triage.priority(), track.dispatchProcess(), track.handlingProcess());
	}

}
