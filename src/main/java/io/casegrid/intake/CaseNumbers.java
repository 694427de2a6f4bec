package io.casegrid.intake;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human case numbers such as {@code JC-2026-000123}: prefix, year of reporting (in the county's zone) and a number
 * from a database sequence. Unique across nodes; gaps appear when a transaction rolls back, which is acceptable.
 */
@Component
class CaseNumbers {

	private final JdbcClient jdbc;

	private final String prefix;

	private final ZoneId zone;

	CaseNumbers(JdbcClient jdbc, @Value("${casegrid.intake.case-number-prefix}") String prefix,
			@Value("${casegrid.zone}") ZoneId zone) {
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.zone = zone;
	}

	String next(Instant reportedAt) {
		long n = jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
		return "%s-%d-%06d".formatted(prefix, reportedAt.atZone(zone).getYear(), n);
	}

}
