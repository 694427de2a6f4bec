package io.casegrid.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a county configures for the console ({@code /console}).
 *
 * @param clientId the realm's public PKCE client the console signs in with
 * @param tileUrl the map's tile URL template ({@code {z}/{x}/{y}}), e.g. the county's own tile server or 天地图 with
 * its key; empty draws the org registry's units without tiles (works offline)
 * @param tileAttribution the tiles' attribution line
 * @param boardRefresh how often the SLA board asks the API again
 */
@ConfigurationProperties("casegrid.console")
record ConsoleProperties(@DefaultValue("casegrid-web") String clientId, @DefaultValue("") String tileUrl,
		@DefaultValue("") String tileAttribution, @DefaultValue("PT30S") Duration boardRefresh) {
}
