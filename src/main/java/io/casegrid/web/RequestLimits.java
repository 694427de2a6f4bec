package io.casegrid.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one API request may make the service read.
 *
 * @param maxBody the largest request body of {@code /api/**}: every body the contract allows fits well within the
 * default 256 KB (at most 20 outcome fields of 4,000 characters); a larger one is refused with 413 before it is read
 */
@ConfigurationProperties("casegrid.requests")
public record RequestLimits(@DefaultValue("256KB") DataSize maxBody) {
}
