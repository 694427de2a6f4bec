package io.casegrid.escalation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision orders (督办单).
 *
 * @param replyWithin the order's own deadline (natural time): reply and do the overdue work by then
 * @param copyTo roles that receive a copy of every order (督查室, 纪委监委), at most {@value #MAX_COPY_TO} (the contract's
 * {@code copiedTo.maxItems})
 */
@ConfigurationProperties("casegrid.supervision")
public record SupervisionProperties(@DefaultValue("P1D") Duration replyWithin,
		@DefaultValue({ "supervision-office", "discipline-commission" }) List<String> copyTo) {

	static final int MAX_COPY_TO = 10;

	public SupervisionProperties {
		if (copyTo.size() > MAX_COPY_TO) {
			throw new IllegalArgumentException("casegrid.supervision.copy-to names at most " + MAX_COPY_TO
					+ " roles, not " + copyTo.size());
		}
	}

}
