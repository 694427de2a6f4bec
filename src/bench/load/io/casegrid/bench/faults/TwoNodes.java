package io.casegrid.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two nodes, one database, the way Camunda 7 scales out: intake spread over both, then every case's warning and
 * breach timers made due at the same moment, fired by both job executors; one node is killed while the breaches
 * fire. Each warning, escalation and supervision order must happen exactly once per case, counted in the database.
 */
final class TwoNodes {

	static final String WARNING = "BoundaryEvent_HandleWarning";

	static final String ACK_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";

	private final Bench bench;

	private final int cases;

	private final int clients;

	private final int whistled;

	TwoNodes(Bench bench, int cases, int clients, int whistled) {
		this.bench = bench;
		this.cases = cases;
		this.clients = clients;
		this.whistled = whistled;
	}

	Findings run() {
		Findings f = new Findings("two-nodes");
		try (Postgres postgres = new Postgres(bench.workDir().resolve("nodes/postgres"), Bench.freePort())) {
			postgres.start();
			Map<String, String> env = bench.onDatabase(postgres, "nodes");
			Service a = bench.node("node-a", env);
			Service b = bench.node("node-b", env);
			try (a; b) {
				// one after the other: the first creates Camunda's and the product's schema
				f.figure("node A start to ready (s)", a.start(bench.logDir()));
				f.figure("node B start to ready (s)", b.start(bench.logDir()));
				CaseStore db = new CaseStore(postgres.jdbcUrl());
				Ledger ledger = new Ledger();
				List<Service> nodes = List.of(a, b);
				long intakeStarted = System.nanoTime();
				try (Load load = new Load(bench.client(), ledger, "nodes", n -> nodes.get((int) (n % 2)),
						n -> nodes.get((int) ((n + 1) % 2)), cases).start(clients)) {
					f.check(load.awaitTarget(Duration.ofMinutes(8)), "intake did not reach " + cases + " cases");
				}
				f.figure("intake of the cases took (s)", Duration.ofNanos(System.nanoTime() - intakeStarted));
				f.figure("201s by node", countByNode(ledger));
				Duration settled = db.awaitSettled(Duration.ofMinutes(5));
				f.check(settled != null, "intake backlog not done in 5 min");
				List<UUID> ids = List.copyOf(ledger.acknowledged().values());
				f.check(db.onLevel(ids, "GRID").size() == ids.size(), "cases not all on their grid level");
				f.figure("cases made to breach at once", ids.size());
				warnings(f, db, ids);
				breaches(f, db, ids, a, b, nodes, ledger);
				List<UUID> whistledCases = ids.subList(0, Math.min(whistled, ids.size()));
				supervision(f, db, a, whistledCases);
				f.figure("intake attempts (both phases; no answer = node B dead, retried on A)",
						Ledger.statuses(ledger.all()));
				Acknowledged.verify(f, ledger, db, bench.client(), n -> a);
				db.awaitSettled(Duration.ofMinutes(2));
				CrashUnderLoad.consistent(f, db, whistledCases);
			}
		}
		return f;
	}

	private void warnings(Findings f, CaseStore db, List<UUID> ids) {
		int moved = db.moveTimers(WARNING, ids, Instant.now());
		f.check(moved == ids.size(), "warning timers moved " + moved + " of " + ids.size());
		Duration took = awaitEvery(db, "case_event", "type = 'SLA_WARNED'", ids, Duration.ofMinutes(4));
		f.figure("all warnings fired within (s)", took == null ? "no" : took);
		Map<Long, Long> perCase = db.perCase("case_event", "type = 'SLA_WARNED'", ids);
		f.figure("SLA_WARNED notifications per case (count → cases)", perCase);
		f.check(perCase.equals(Map.of(1L, (long) ids.size())), "not exactly one warning per case: " + perCase);
		f.figure("warning jobs run by node", db.jobsByHost(WARNING));
		// the handlers are told from the outbox after commit, once per sla.warning event (PeopleFanOut)
		Map<Long, Long> notified = db.perCase("outbox_event", "type = 'sla.warning'", ids);
		f.figure("sla.warning events per case, the one source of the handlers' messages (count → cases)", notified);
		f.check(notified.equals(Map.of(1L, (long) ids.size())), "not exactly one sla.warning per case: " + notified);
	}

	private void breaches(Findings f, CaseStore db, List<UUID> ids, Service a, Service b, List<Service> nodes,
			Ledger ledger) {
		int moved = db.moveTimers(CrashUnderLoad.BREACH, ids, Instant.now());
		f.check(moved == ids.size(), "breach timers moved " + moved + " of " + ids.size());
		long started = System.nanoTime();
		try (Load load = new Load(bench.client(), ledger, "nodes-during-kill", n -> nodes.get((int) (n % 2)),
				n -> a, Long.MAX_VALUE).start(2)) {
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (escalated(db, ids) < ids.size() / 4 && System.nanoTime() < deadline) {
				Pause.of(Duration.ofMillis(200));
			}
			long before = escalated(db, ids);
			b.kill9();
			f.figure("escalations done when node B was killed", before);
			f.figure("jobs locked (by either node) when node B was killed", db.count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()"));
			Duration took = CrashUnderLoad.awaitEscalations(db, ids, Duration.ofMinutes(5));
			f.check(took != null, "the survivor did not finish the escalations in 5 min: " + escalated(db, ids));
			f.figure("all escalations done within (s)", Duration.ofNanos(System.nanoTime() - started));
		}
		Map<Long, Long> rows = db.perCase("escalation", null, ids);
		Map<Long, Long> notes = db.perCase("case_event", "type = 'ESCALATED'", ids);
		f.figure("escalation rows per case (count → cases)", rows);
		f.figure("ESCALATED timeline entries per case (count → cases)", notes);
		f.check(rows.equals(Map.of(1L, (long) ids.size())), "not exactly one escalation per case: " + rows);
		f.check(notes.equals(Map.of(1L, (long) ids.size())), "not exactly one ESCALATED entry per case: " + notes);
		f.check(db.onLevel(ids, "TOWNSHIP").size() == ids.size(), "cases not all on the township level");
		f.figure("breach jobs run by node", db.jobsByHost(CrashUnderLoad.BREACH));
		f.figure("breach jobs failed (optimistic locking etc.)", db.failedJobLogs(CrashUnderLoad.BREACH));
	}

	/** 吹哨 on some cases through node A, then their departments' acknowledgement limits run out at once. */
	private void supervision(Findings f, CaseStore db, Service a, List<UUID> ids) {
		HttpClient http = HttpClient.newHttpClient();
		List<String> refused = new ArrayList<>();
		for (UUID id : ids) {
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/api/v1/cases/"
						+ id + "/whistle"))
					.timeout(IntakeClient.REQUEST_TIMEOUT)
					.header("Authorization", bench.tokens().bearer("dispatcher-cg"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"departments\": [\"149901-CG\"], \"lead\": \"149901-CG\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 202) {
					refused.add(id + ": " + r.statusCode() + " " + r.body());
				}
			}
			catch (Exception ex) {
				refused.add(id + ": " + ex);
			}
		}
		f.check(refused.isEmpty(), "whistles refused: " + Findings.sample(refused));
		db.awaitSettled(Duration.ofMinutes(2));
		int moved = db.moveTimers(ACK_OVERDUE, ids, Instant.now());
		f.check(moved == ids.size(), "acknowledgement timers moved " + moved + " of " + ids.size());
		Duration took = awaitEvery(db, "supervision_order", null, ids, Duration.ofMinutes(3));
		f.figure("supervision orders all issued within (s)", took == null ? "no" : took);
		Map<Long, Long> orders = db.perCase("supervision_order", null, ids);
		Map<Long, Long> notes = db.perCase("case_event", "type = 'SUPERVISION_ORDER_ISSUED'", ids);
		f.figure("whistled cases whose department missed 报到", ids.size());
		f.figure("supervision orders per case (count → cases)", orders);
		f.figure("SUPERVISION_ORDER_ISSUED entries per case (count → cases)", notes);
		f.check(orders.equals(Map.of(1L, (long) ids.size())), "not exactly one supervision order per case: " + orders);
		f.check(notes.equals(Map.of(1L, (long) ids.size())), "not exactly one order entry per case: " + notes);
	}

	private static long escalated(CaseStore db, List<UUID> ids) {
		return db.count("SELECT count(DISTINCT case_id) FROM escalation WHERE case_id = ANY(?)",
				(Object) ids.toArray(UUID[]::new));
	}

	/** Waits until every case has at least one such row; returns how long, or null. */
	private static Duration awaitEvery(CaseStore db, String table, String condition, List<UUID> ids, Duration timeout) {
		long started = System.nanoTime();
		while (System.nanoTime() - started < timeout.toNanos()) {
			if (db.perCase(table, condition, ids).getOrDefault(0L, 0L) == 0) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			Pause.of(Duration.ofSeconds(1));
		}
		return null;
	}

	private static Map<String, Long> countByNode(Ledger ledger) {
		Map<String, Long> byNode = new java.util.TreeMap<>();
		ledger.where(Outcome::acknowledged).forEach(o -> byNode.merge(o.node(), 1L, Long::sum));
		return byNode;
	}

}
