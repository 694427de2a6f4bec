package io.casegrid.casefile;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.casegrid.security.Actor;

import org.springframework.stereotype.Service;

/**
 * 案卷建立: opens the case file of a reported case. Gives a dedupe hint (open cases of the same category at the same
 * place) and a classification. The classification is a placeholder until triage (研判分流, {@code case-triage.dmn})
 * replaces it: a category listed under a track in {@code casegrid.filing.tracks} (e.g. disputes → tiered mediation)
 * takes that track's processes; every other case takes the default ones.
 */
@Service
public class CaseFiling {

	private final CaseFiles files;

	private final FilingProperties properties;

	CaseFiling(CaseFiles files, FilingProperties properties) {
		this.files = files;
		this.properties = properties;
	}

	Classification classify(String categoryCode) {
		return properties.tracks()
			.entrySet()
			.stream()
			.filter(track -> track.getValue().categories() != null
					&& track.getValue().categories().contains(categoryCode))
			.findFirst()
			.map(track -> new Classification(track.getKey(), "DISPUTE".equals(track.getKey()) ? "VILLAGE" : "GRID",
					null, "TIME_CONSUMING", "NORMAL", track.getValue().dispatchProcess(),
					track.getValue().handlingProcess()))
			.orElseGet(() -> new Classification(properties.defaultTrack(), "GRID", null, "TIME_CONSUMING", "NORMAL",
					properties.dispatchProcess(), properties.handlingProcess()));
	}

	public Classification open(UUID caseId) {
		CaseFile file = files.get(caseId);
		List<String> duplicates = files.lookalikesOf(file, properties.duplicateWindow());
		Classification classification = classify(file.categoryCode());
		String summary = "案卷建立：" + file.caseNumber()
				+ (duplicates.isEmpty() ? "" : "；疑似重复：" + String.join("、", duplicates));
		files.change(caseId, Actor.SYSTEM.id(), TimelineNote.of("FILED", summary,
				Map.of("track", classification.track(), "possibleDuplicates", String.join(",", duplicates))),
				f -> f.file(classification.track(), duplicates));
		return classification;
	}

}
