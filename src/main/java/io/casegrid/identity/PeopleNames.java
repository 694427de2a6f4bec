package io.casegrid.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * People's full names by login id, for views and documents that show a name beside the id. Names come from the
 * Keycloak directory and are kept for {@link #KEEP} (a renamed person shows the new name within that time); ids the
 * directory does not know (apps, {@code system}) are remembered as such. A name is decoration: when the directory does
 * not answer, the id stands alone and nothing fails.
 */
@Service
public class PeopleNames {

	static final Duration KEEP = Duration.ofMinutes(10);

	/** Beyond this many remembered ids the memory starts afresh: a county has a few thousand staff. */
	private static final int MAX_REMEMBERED = 20_000;

	private static final Logger log = LoggerFactory.getLogger(PeopleNames.class);

	private final KeycloakDirectory directory;

	private final Clock clock;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	@Autowired
	PeopleNames(KeycloakDirectory directory) {
		this(directory, Clock.systemUTC());
	}

	PeopleNames(KeycloakDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/** The full name of the person with this login id, if the directory knows one. */
	public Optional<String> of(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Remembered known = remembered.get(username);
		if (known != null && known.until().isAfter(now)) {
			return known.name();
		}
		Optional<String> name;
		try {
			name = directory.fullName(username);
		}
		catch (RuntimeException ex) {
			log.warn("The directory did not answer for the name of {}: {}", username, ex.toString());
			return Optional.empty();
		}
		if (remembered.size() >= MAX_REMEMBERED) {
			remembered.clear();
		}
		remembered.put(username, new Remembered(name, now.plus(KEEP)));
		return name;
	}

	/** The name, or null: for the optional {@code …Name} fields of the API's views. */
	public String orNull(String username) {
		return of(username).orElse(null);
	}

	private record Remembered(Optional<String> name, Instant until) {
	}

}
