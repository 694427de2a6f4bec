package io.casegrid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the work-item projection for open tasks that have no row yet, with the product's own migration (V26, which
 * is written to run again on the same database): what an existing database gets on upgrade, and what the copies of
 * {@link OpenCaseCloner} get after they are made.
 */
@Component
@Profile("bench")
class WorkItemBackFill {

	static final String MIGRATION = "db/migration/V26__work_items.sql";

	private final JdbcTemplate jdbc;

	WorkItemBackFill(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void run() {
		try {
			jdbc.execute(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
