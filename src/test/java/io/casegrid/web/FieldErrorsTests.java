package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** However many fields a request gets wrong, its problem is built in linear time and lists the first 20. */
class FieldErrorsTests {

	@Test
	void twoHundredThousandErrorsKeepTheFirstTwentyAndTheCountWithinASecond() {
		List<FieldError> errors = IntStream.range(0, 200_000)
			.mapToObj(i -> new FieldError("fields.f" + i, "is not a field of outcome RESOLVED"))
			.toList();

		InvalidRequestException invalid = assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> new InvalidRequestException(errors));

		assertThat(invalid.errors()).hasSize(FieldErrors.REPORTED).first().isEqualTo(errors.get(0));
		assertThat(invalid.errorCount()).isEqualTo(200_000);
		assertThat(invalid.getMessage()).startsWith("fields.f0: ").contains("fields.f19: ").doesNotContain("fields.f20:");
	}

	@Test
	void aLongNameFromTheRequestIsCutWhereAMessageRepeatsIt() {
		String echoed = FieldErrors.echo("k".repeat(1_000_000));

		assertThat(echoed).hasSize(FieldErrors.ECHOED + 1).endsWith("…");
	}

}
