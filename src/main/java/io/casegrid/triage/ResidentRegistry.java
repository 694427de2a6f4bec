package io.casegrid.triage;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resident registry (table {@code resident}): the tags, and the e-mail address, known for a phone number. */
@Repository
public class ResidentRegistry {

	private final JdbcClient jdbc;

	ResidentRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Set<String> tagsOf(String phone) {
		if (phone == null || phone.isBlank()) {
			return Set.of();
		}
		return jdbc.sql("SELECT array_to_string(tags, ',') FROM resident WHERE phone = :phone")
			.param("phone", phone.replaceAll("[ -]", ""))
			.query(String.class)
			.optional()
			.filter(tags -> !tags.isEmpty())
			.map(tags -> (Set<String>) new TreeSet<>(Arrays.asList(tags.split(","))))
			.orElse(Set.of());
	}

	/** The e-mail address the registry knows for the phone number, if any (for messages to a reporter). */
	public java.util.Optional<String> emailOf(String phone) {
		if (phone == null || phone.isBlank()) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("SELECT email FROM resident WHERE phone = :phone AND email IS NOT NULL")
			.param("phone", phone.replaceAll("[ -]", ""))
			.query(String.class)
			.optional();
	}

}
