package io.casegrid.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The roles copied on every supervision order are the contract's {@code copiedTo}, at most ten. */
class SupervisionPropertiesTests {

	@Test
	void tenCopyToRolesAreAcceptedAndElevenRefused() {
		assertThat(new SupervisionProperties(Duration.ofDays(1), Collections.nCopies(10, "role")).copyTo()).hasSize(10);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SupervisionProperties(Duration.ofDays(1), Collections.nCopies(11, "role")))
			.withMessage("casegrid.supervision.copy-to names at most 10 roles, not 11");
		assertThat(new SupervisionProperties(Duration.ofDays(1), List.of("supervision-office")).copyTo()).hasSize(1);
	}

}
