package io.casegrid.casefile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a case file is opened (案卷建立).
 *
 * @param duplicateWindow how far back to look for open cases of the same category at the same place
 * @param defaultTrack the track every case gets until triage (研判分流) classifies it
 * @param dispatchProcess the process called at 任务指派
 * @param handlingProcess the process called at 调查落实
 */
@ConfigurationProperties("casegrid.filing")
public record FilingProperties(@DefaultValue("P7D") Duration duplicateWindow, @DefaultValue("GRID") String defaultTrack,
		@DefaultValue("CaseDispatch") String dispatchProcess, @DefaultValue("CaseHandling") String handlingProcess) {
}
