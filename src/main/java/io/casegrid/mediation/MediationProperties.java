package io.casegrid.mediation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of tiered mediation, in natural time (左云 "三级七天调解法": seven days a level).
 *
 * @param villageTimeBox the village committee's time box
 * @param brandRoomTimeBox the brand mediation room's time box
 * @param threeHeadsTimeBox the township joint consultation's time box
 * @param opinionTimeLimit how long each of the three heads has for an opinion
 * @param warningBefore how long before a level's end the committee is warned
 * @param extension how much one granted extension adds
 * @param judicialConfirmationPeriod how long parties have to apply for judicial confirmation (人民调解法: 30 days)
 */
@ConfigurationProperties("casegrid.mediation")
public record MediationProperties(@DefaultValue("P7D") Duration villageTimeBox,
		@DefaultValue("P7D") Duration brandRoomTimeBox, @DefaultValue("P7D") Duration threeHeadsTimeBox,
		@DefaultValue("P3D") Duration opinionTimeLimit, @DefaultValue("P1D") Duration warningBefore,
		@DefaultValue("P7D") Duration extension, @DefaultValue("P30D") Duration judicialConfirmationPeriod) {
}
