package io.casegrid.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Database loss under load: PostgreSQL is stopped for a while under a running, loaded service and started again.
 * During the outage every answer must be a quick 503 problem+json (no 500, no stack trace, no request hanging); after
 * it the service must take cases again by itself, and nothing acknowledged may be lost.
 */
final class DatabaseOutage {

	/** An answer slower than this during the outage counts as hanging (the pool waits 5 s for a connection). */
	static final Duration HANG_BOUND = Duration.ofSeconds(15);

	/** The service must take cases again within this after the database is back. */
	static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

	private final Bench bench;

	private final int clients;

	private final Duration outage;

	DatabaseOutage(Bench bench, int clients, Duration outage) {
		this.bench = bench;
		this.clients = clients;
		this.outage = outage;
	}

	Findings run() {
		Findings f = new Findings("database-outage");
		try (Postgres postgres = new Postgres(bench.workDir().resolve("outage/postgres"), Bench.freePort())) {
			postgres.start();
			Service node = bench.node("outage", Map.of("SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
					"SPRING_DATASOURCE_USERNAME", "postgres", "CASEGRID_DATA_DIR",
					bench.workDir().resolve("outage").toString()));
			try (node) {
				f.figure("start to ready (s)", node.start(bench.logDir()));
				CaseStore db = new CaseStore(postgres.jdbcUrl());
				Ledger ledger = new Ledger();
				Load load = new Load(bench.client(), ledger, "outage", n -> node, null, Long.MAX_VALUE).start(clients);
				Pause.of(Duration.ofSeconds(15));
				long down = millisNow();
				postgres.stop();
				Pause.of(outage);
				Duration pgStart = postgres.start();
				long up = millisNow();
				f.figure("database down for (s)", Duration.ofMillis(up - down));
				f.figure("PostgreSQL restart took (s)", pgStart);
				Pause.of(Duration.ofSeconds(30));
				load.close();
				judgeOutage(f, ledger, down, up);
				judgeRecovery(f, ledger, up);
				f.figure("intake requests", ledger.count());
				f.figure("statuses over the whole run", Ledger.statuses(ledger.all()));
				Duration settled = db.awaitSettled(Duration.ofMinutes(3));
				f.check(settled != null, "jobs still runnable 3 min after the outage: " + db.pendingJobs());
				f.figure("job backlog done after (s)", Duration.ofMillis(millisNow() - up));
				Acknowledged.verify(f, ledger, db, bench.client(), n -> node);
				db.awaitSettled(Duration.ofMinutes(2));
				CrashUnderLoad.consistent(f, db, List.of());
			}
		}
		return f;
	}

	private static void judgeOutage(Findings f, Ledger ledger, long down, long up) {
		List<Outcome> during = ledger.where(o -> o.sentAtMillis() >= down && o.sentAtMillis() < up);
		f.figure("requests sent while the database was down", during.size());
		f.figure("their statuses", Ledger.statuses(during));
		f.figure("slowest answer while down (ms)", during.stream().mapToLong(Outcome::millis).max().orElse(0));
		List<Outcome> bad = ledger.where(o -> o.status() >= 500 && (o.status() != 503 || !o.problemJson()
				|| !"urn:casegrid:problem:unavailable".equals(o.problemType()) || o.leaksInternals()));
		f.check(bad.isEmpty(), "5xx other than a clean 503 problem+json: "
				+ Findings.sample(bad.stream().map(o -> o.status() + " " + o.contentType() + " " + o.problemType()).toList()));
		List<Outcome> hanging = ledger.where(o -> o.millis() > HANG_BOUND.toMillis());
		f.check(hanging.isEmpty(), hanging.size() + " requests took longer than " + HANG_BOUND.toSeconds() + " s");
		List<Outcome> unanswered = ledger.where(o -> o.status() == Outcome.NO_ANSWER);
		f.check(unanswered.isEmpty(), unanswered.size() + " requests got no answer: "
				+ Findings.sample(unanswered.stream().map(Outcome::error).toList()));
		f.check(during.stream().anyMatch(o -> o.status() == 503), "no 503 while the database was down");
	}

	private static void judgeRecovery(Findings f, Ledger ledger, long up) {
		Optional<Long> firstAck = ledger.where(o -> o.acknowledged() && o.sentAtMillis() >= up)
			.stream()
			.map(o -> o.sentAtMillis() + o.millis())
			.min(Long::compare);
		f.check(firstAck.isPresent(), "no case taken in after the database came back");
		firstAck.ifPresent(at -> {
			f.figure("first 201 after the database was back (s)", Duration.ofMillis(at - up));
			f.check(at - up <= RECOVERY_BOUND.toMillis(), "recovery took longer than " + RECOVERY_BOUND);
		});
		long lastNon201 = ledger.where(o -> !o.acknowledged() && o.sentAtMillis() >= up)
			.stream()
			.mapToLong(o -> o.sentAtMillis() + o.millis() - up)
			.max()
			.orElse(0);
		f.figure("last error answer after the database was back (s)", lastNon201 / 1000.0);
	}

	private static long millisNow() {
		return (System.nanoTime() - FaultHarness.EPOCH) / 1_000_000;
	}

}
