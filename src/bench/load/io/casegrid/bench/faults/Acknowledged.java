package io.casegrid.bench.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The promise of intake after any fault: every case that got a 201 is in the database exactly once under its key,
 * and every client that retries with its Idempotency-Key gets the original case (or, if its first request was never
 * committed, one new case, never two).
 */
final class Acknowledged {

	private Acknowledged() {
	}

	static void verify(Findings findings, Ledger ledger, CaseStore db, IntakeClient client,
			LongFunction<Service> node) {
		Map<String, UUID> acked = ledger.acknowledged();
		List<String> answeredTwice = ledger.where(Outcome::acknowledged)
			.stream()
			.filter(o -> !o.caseId().equals(acked.get(o.key())))
			.map(o -> o.key() + " answered " + acked.get(o.key()) + " and " + o.caseId())
			.toList();
		findings.check(answeredTwice.isEmpty(), "one key, two cases: " + Findings.sample(answeredTwice));
		List<UUID> missing = db.missing(acked.values());
		findings.figure("acknowledged (201)", acked.size());
		findings.figure("acknowledged but missing in the database", missing.size());
		findings.check(missing.isEmpty(), "acknowledged cases missing: " + Findings.sample(missing));
		Map<String, UUID> stored = db.keys();
		List<String> misfiled = acked.entrySet()
			.stream()
			.filter(e -> !e.getValue().equals(stored.get(e.getKey())))
			.map(e -> e.getKey() + " → " + e.getValue() + " but stored " + stored.get(e.getKey()))
			.toList();
		findings.check(misfiled.isEmpty(), "keys stored with another case: " + Findings.sample(misfiled));
		Map<String, Long> unacked = ledger.unacknowledged();
		long committedUnanswered = unacked.keySet().stream().filter(stored::containsKey).count();
		findings.figure("requests without a 201 (cut off, 503, …)", unacked.size());
		findings.figure("of these committed anyway (found on retry)", committedUnanswered);
		retry(findings, acked, unacked, stored, client, node);
		long cases = db.count("SELECT count(*) FROM case_file");
		long keys = db.count("SELECT count(*) FROM intake_request");
		long casesWithoutKey = db.count("""
				SELECT count(*) FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM intake_request r WHERE r.case_id = c.id)""");
		long casesWithTwoKeys = db.count("""
				SELECT count(*) FROM (SELECT case_id FROM intake_request GROUP BY case_id HAVING count(*) > 1) t""");
		findings.figure("cases in the database", cases);
		findings.check(cases == keys && casesWithoutKey == 0 && casesWithTwoKeys == 0,
				"cases and keys disagree: " + cases + " cases, " + keys + " keys, " + casesWithoutKey + " cases without"
						+ " a key, " + casesWithTwoKeys + " cases with two keys");
	}

	/** Every key again, acknowledged or not, with the same body. */
	private static void retry(Findings findings, Map<String, UUID> acked, Map<String, Long> unacked,
			Map<String, UUID> stored, IntakeClient client, LongFunction<Service> node) {
		Map<String, Long> all = new HashMap<>(unacked);
		seqs(acked.keySet(), all);
		Map<String, Outcome> answers = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		all.forEach((key, seq) -> pool.submit(() -> answers.put(key, client.report(node.apply(seq), key, seq))));
		pool.shutdown();
		try {
			pool.awaitTermination(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<String> wrong = new ArrayList<>();
		AtomicLong sameCase = new AtomicLong();
		AtomicLong newCase = new AtomicLong();
		answers.forEach((key, o) -> {
			UUID expected = acked.getOrDefault(key, stored.get(key));
			if (o.status() != 201) {
				wrong.add(key + ": retry got " + o.status() + " " + o.error());
			}
			else if (expected != null && (!expected.equals(o.caseId()) || !o.replayed())) {
				wrong.add(key + ": retry got " + o.caseId() + " (replayed " + o.replayed() + "), expected " + expected);
			}
			else if (expected == null && o.replayed()) {
				wrong.add(key + ": replayed a case the database did not have before the retry");
			}
			else if (expected != null) {
				sameCase.incrementAndGet();
			}
			else {
				newCase.incrementAndGet();
			}
		});
		findings.figure("retried keys", answers.size());
		findings.figure("retries answered with the original case", sameCase.get());
		findings.figure("retries that created the case (first request never committed)", newCase.get());
		findings.check(answers.size() == all.size(), "retries unanswered: " + (all.size() - answers.size()));
		findings.check(wrong.isEmpty(), "retries answered wrongly: " + Findings.sample(wrong));
	}

	/** The keys are prefix-seq: the body is a function of seq. */
	private static void seqs(Iterable<String> keys, Map<String, Long> into) {
		keys.forEach(k -> into.put(k, Long.parseLong(k.substring(k.lastIndexOf('-') + 1))));
	}

}
