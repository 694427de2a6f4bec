package io.casegrid.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA clocks.
 *
 * @param warnAt the share of a limit after which a clock is at risk and its handler is warned (0.75 = 75%)
 */
@ConfigurationProperties("casegrid.sla")
public record SlaProperties(@DefaultValue("0.75") double warnAt) {

	public SlaProperties {
		if (warnAt <= 0 || warnAt >= 1) {
			throw new IllegalArgumentException("casegrid.sla.warn-at must lie between 0 and 1: " + warnAt);
		}
	}

}
