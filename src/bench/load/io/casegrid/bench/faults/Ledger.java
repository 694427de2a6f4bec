package io.casegrid.bench.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every intake request a scenario sent and what it got: the client's side of the truth the database must match. */
final class Ledger {

	private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	void add(Outcome outcome) {
		outcomes.add(outcome);
	}

	List<Outcome> all() {
		return new ArrayList<>(outcomes);
	}

	/** Key → case of every 201; a key answered twice with different cases is a violation the caller checks. */
	Map<String, UUID> acknowledged() {
		Map<String, UUID> acked = new HashMap<>();
		outcomes.stream().filter(Outcome::acknowledged).forEach(o -> acked.putIfAbsent(o.key(), o.caseId()));
		return acked;
	}

	long acknowledgedCount() {
		return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::key).distinct().count();
	}

	/** Keys tried and never answered 201: their request may or may not have been committed. */
	Map<String, Long> unacknowledged() {
		Map<String, Long> keys = new HashMap<>();
		outcomes.forEach(o -> keys.putIfAbsent(o.key(), o.seq()));
		acknowledged().keySet().forEach(keys::remove);
		return keys;
	}

	/** HTTP status (or "no answer") → count, over the outcomes that match. */
	static Map<String, Long> statuses(List<Outcome> outcomes) {
		Map<String, Long> counts = new TreeMap<>();
		outcomes.forEach(o -> counts.merge(o.status() == Outcome.NO_ANSWER ? "no answer" : Integer.toString(o.status()),
				1L, Long::sum));
		return counts;
	}

	List<Outcome> where(Predicate<Outcome> filter) {
		return outcomes.stream().filter(filter).toList();
	}

	long count() {
		return outcomes.size();
	}

}
