package io.casegrid.casefile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a case file is opened (案卷建立).
 *
 * @param duplicateWindow how far back to look for open cases of the same category at the same place
 * @param defaultTrack the track of a case whose category no track claims
 * @param dispatchProcess the process called at 任务指派 for the default track
 * @param handlingProcess the process called at 调查落实 for the default track
 * @param tracks other tracks, by name (e.g. DISPUTE), with the categories they take and the processes they call
 */
@ConfigurationProperties("casegrid.filing")
public record FilingProperties(@DefaultValue("P7D") Duration duplicateWindow, @DefaultValue("GRID") String defaultTrack,
		@DefaultValue("CaseDispatch") String dispatchProcess, @DefaultValue("CaseHandling") String handlingProcess,
		Map<String, Track> tracks) {

	public FilingProperties {
		tracks = tracks == null ? Map.of() : Map.copyOf(tracks);
	}

	/** A track other than the default: which categories it takes and which processes it calls. */
	public record Track(List<String> categories, String dispatchProcess, String handlingProcess) {
	}

}
