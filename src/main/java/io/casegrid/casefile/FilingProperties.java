package io.casegrid.casefile;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a case file is opened (案卷建立) and which processes each track calls.
 *
 * @param duplicateWindow how far back to look for open cases of the same category at the same place
 * @param triageProcess the process called at 任务指派 when triage cannot place a case (人工研判)
 * @param unplacedTrack the track whose handling process an unplaced case gets unless 研判 picks another
 * @param tracks per track (GRID, DEPARTMENT, DISPUTE, EMERGENCY): the processes called at 任务指派 and 调查落实
 */
@ConfigurationProperties("casegrid.filing")
public record FilingProperties(@DefaultValue("P7D") Duration duplicateWindow,
		@DefaultValue("CaseDispatch") String triageProcess, @DefaultValue("GRID") String unplacedTrack,
		Map<String, Track> tracks) {

	public FilingProperties {
		tracks = tracks == null ? Map.of() : Map.copyOf(tracks);
	}

	/** The processes a track calls. */
	public record Track(String dispatchProcess, String handlingProcess) {
	}

	public Track track(String name) {
		Track track = tracks.get(name);
		if (track == null) {
			throw new IllegalStateException("casegrid.filing.tracks." + name + " is not configured");
		}
		return track;
	}

}
