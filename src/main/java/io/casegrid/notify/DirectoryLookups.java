package io.casegrid.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.casegrid.identity.KeycloakDirectory;
import io.casegrid.identity.KeycloakDirectory.Person;

import org.springframework.stereotype.Component;

/**
 * The directory look-ups of the people fan-out, kept a short while: a burst of task.assigned events for one unit asks
 * Keycloak's admin API once per unit, not once per event. Bounded ({@code directory-cache-size} entries, least
 * recently used out first) and short-lived ({@code directory-cache-ttl}): a member added to or removed from a unit in
 * Keycloak is told, or no longer told, at most that long after. Per node, in memory only — a lost entry is only a
 * look-up again.
 */
@Component
class DirectoryLookups {

	private record Entry(Object value, Instant expiresAt) {
	}

	private final KeycloakDirectory directory;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> entries;

	DirectoryLookups(KeycloakDirectory directory, NotificationProperties properties) {
		this.directory = directory;
		this.ttl = properties.directoryCacheTtl();
		this.clock = Clock.systemUTC();
		int size = properties.directoryCacheSize();
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > size;
			}
		};
	}

	List<Person> members(String orgCode) {
		return cached("members " + orgCode, () -> directory.members(orgCode));
	}

	List<Person> members(String orgCode, String realmRole) {
		return cached("members " + orgCode + " " + realmRole, () -> directory.members(orgCode, realmRole));
	}

	Optional<Person> person(String username) {
		return cached("person " + username, () -> directory.person(username));
	}

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, Supplier<T> lookup) {
		Instant now = clock.instant();
		synchronized (entries) {
			Entry entry = entries.get(key);
			if (entry != null && now.isBefore(entry.expiresAt())) {
				return (T) entry.value();
			}
		}
		T value = lookup.get();
		synchronized (entries) {
			entries.put(key, new Entry(value, now.plus(ttl)));
		}
		return value;
	}

}
