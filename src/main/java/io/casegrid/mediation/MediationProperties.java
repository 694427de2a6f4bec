package io.casegrid.mediation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of tiered mediation that are law, not county policy. The time boxes of the three tiers (三级七天) and
 * their extension are the table {@code processes/mediation-policy.dmn}.
 *
 * @param judicialConfirmationPeriod how long parties have to apply for judicial confirmation (人民调解法: 30 days)
 */
@ConfigurationProperties("casegrid.mediation")
public record MediationProperties(@DefaultValue("P30D") Duration judicialConfirmationPeriod) {
}
