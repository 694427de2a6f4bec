package io.casegrid.bench.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Crash under load: clients report cases while the service (with its embedded PostgreSQL, the default way to run
 * it) is killed with SIGKILL and started again. Breach timers of cases taken in before are made due while it is
 * down and must fire after the restart.
 */
final class CrashUnderLoad {

	static final String BREACH = "BoundaryEvent_HandleBreach";

	private final Bench bench;

	private final int clients;

	private final int timerCases;

	private final Duration loadBeforeKill;

	CrashUnderLoad(Bench bench, int clients, int timerCases, Duration loadBeforeKill) {
		this.bench = bench;
		this.clients = clients;
		this.timerCases = timerCases;
		this.loadBeforeKill = loadBeforeKill;
	}

	Findings run() {
		Findings f = new Findings("crash-under-load");
		int pgPort = Bench.freePort();
		Service node = bench.node("crash", Map.of("CASEGRID_DATA_DIR", bench.workDir().resolve("crash").toString(),
				"CASEGRID_PG_PORT", Integer.toString(pgPort)));
		try (node) {
			f.figure("first start to ready (s)", node.start(bench.logDir()));
			CaseStore db = new CaseStore("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
			Ledger ledger = new Ledger();
			List<UUID> timed = takeInTimerCases(f, node, db, ledger);
			Load load = new Load(bench.client(), ledger, "crash", n -> node, null, Long.MAX_VALUE).start(clients);
			Pause.of(loadBeforeKill);
			long ackedBefore = ledger.acknowledgedCount();
			node.kill9();
			Instant killedAt = Instant.now();
			f.figure("201s before the kill", ackedBefore);
			f.figure("jobs locked by the killed JVM", db.lockedJobs());
			f.figure("runnable jobs left by the killed JVM", db.pendingJobs());
			// the embedded PostgreSQL outlives the JVM: the timers fall due while the service is down
			int moved = db.moveTimers(BREACH, timed, killedAt);
			f.check(moved == timed.size(), "breach timers moved " + moved + ", expected " + timed.size());
			Pause.of(Duration.ofSeconds(5));
			Duration restart = node.start(bench.logDir());
			Instant readyAt = Instant.now();
			f.figure("restart to ready, orphaned PostgreSQL stopped and recovered (s)", restart);
			f.figure("down for (s)", Duration.between(killedAt, readyAt));
			Pause.of(Duration.ofSeconds(10));
			load.close();
			f.figure("intake requests", ledger.count());
			f.figure("statuses", Ledger.statuses(ledger.all()));
			Duration fired = awaitEscalations(db, timed, Duration.ofMinutes(3));
			f.check(fired != null, "timers due while down did not all fire within 3 min of the restart");
			f.figure("timers due while down: fired after ready within (s)",
					fired == null ? "no" : Duration.between(readyAt, Instant.now()));
			f.figure("escalations per timer case (count → cases)", db.perCase("escalation", null, timed));
			f.check(db.perCase("escalation", null, timed).equals(Map.of(1L, (long) timed.size())),
					"not exactly one escalation per case whose timer fell due while down");
			Duration settled = db.awaitSettled(Duration.ofMinutes(3));
			f.check(settled != null, "jobs still runnable 3 min after the checks began: " + db.pendingJobs());
			f.figure("backlog of jobs done after (s)", settled == null ? "no" : Duration.between(readyAt, Instant.now()));
			Acknowledged.verify(f, ledger, db, bench.client(), n -> node);
			db.awaitSettled(Duration.ofMinutes(2));
			consistent(f, db, List.of());
		}
		return f;
	}

	/** Cases whose grid-level clock will be made to run out; waits until each waits on its level's timers. */
	private List<UUID> takeInTimerCases(Findings f, Service node, CaseStore db, Ledger ledger) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < timerCases; i++) {
			Outcome o = bench.client().report(node, "timer-" + i, i);
			ledger.add(o);
			f.check(o.acknowledged(), "timer case " + i + " got " + o.status());
			if (o.acknowledged()) {
				ids.add(o.caseId());
			}
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (db.onLevel(ids, "GRID").size() < ids.size() && System.nanoTime() < deadline) {
			Pause.of(Duration.ofSeconds(1));
		}
		f.check(db.onLevel(ids, "GRID").size() == ids.size(), "timer cases not on their grid level in time");
		return ids;
	}

	static Duration awaitEscalations(CaseStore db, List<UUID> ids, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (db.count("SELECT count(DISTINCT case_id) FROM escalation WHERE case_id = ANY(?)",
					(Object) ids.toArray(UUID[]::new)) >= ids.size()) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			Pause.of(Duration.ofSeconds(1));
		}
		return null;
	}

	/**
	 * Once the backlog is done, every case is where its process is: one running instance waiting on a level task
	 * (whistled cases wait on their departments instead).
	 */
	static void consistent(Findings f, CaseStore db, List<UUID> whistled) {
		List<String> inconsistent = db.inconsistentCases();
		f.figure("cases whose step disagrees with the engine", inconsistent.size());
		f.check(inconsistent.isEmpty(), "inconsistent cases: " + Findings.sample(inconsistent));
		List<UUID> all = new ArrayList<>(db.keys().values());
		all.removeAll(whistled);
		List<UUID> noTask = db.withoutOpenTask(all, "Task_HandleAtLevel");
		f.figure("steps after the backlog", db.steps());
		f.check(noTask.isEmpty(), "cases not waiting on a 分级办理 task: " + Findings.sample(noTask));
		long incidents = db.incidents();
		f.figure("incidents", incidents);
		f.check(incidents == 0, incidents + " incidents (jobs out of retries)");
	}

}
