package io.casegrid.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idempotencyKeyTtl how long an {@code Idempotency-Key} (or a channel's reference) answers with the case it
 * created; after that the same key takes in a new case, and the key's row is deleted
 */
@ConfigurationProperties("casegrid.intake")
record IntakeProperties(@DefaultValue("PT24H") Duration idempotencyKeyTtl) {
}
