package io.casegrid.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.bench.DeliveryReceiver;
import io.casegrid.bench.Tokens;
import io.casegrid.client.webhooks.WebhookVerificationException;
import io.casegrid.client.webhooks.WebhookVerifier;

/**
 * Webhooks while a node dies: the 12345 hotline's app subscribes a real local receiver, reports cases through two
 * nodes on one database — both nodes' pollers deliver at once — and one node is killed with {@code SIGKILL} while
 * deliveries are in flight, then started again. Every committed event of the hotline's cases must reach the receiver,
 * at least once, always under the event's one {@code webhook-id}, with a signature that verifies.
 */
final class DeliveryUnderKill {

	private final Bench bench;

	private final int cases;

	private final int clients;

	private final int deliveredBeforeKill;

	private final Duration down;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param cases how many cases the hotline reports in all (each makes about four events)
	 * @param deliveredBeforeKill node B is killed once the receiver got this many POSTs
	 * @param down how long node B stays dead before it is started again; the clients go on reporting through A
	 */
	DeliveryUnderKill(Bench bench, int cases, int clients, int deliveredBeforeKill, Duration down) {
		this.bench = bench;
		this.cases = cases;
		this.clients = clients;
		this.deliveredBeforeKill = deliveredBeforeKill;
		this.down = down;
	}

	Findings run() throws Exception {
		Findings f = new Findings("webhook-delivery");
		// each answer takes the receiver 50 ms: there are always deliveries in flight when the node dies
		try (Postgres postgres = new Postgres(bench.workDir().resolve("delivery/postgres"), Bench.freePort());
				DeliveryReceiver receiver = new DeliveryReceiver(Duration.ofMillis(50))) {
			postgres.start();
			Map<String, String> env = bench.onDatabase(postgres, "delivery");
			Service a = bench.node("delivery-a", env);
			Service b = bench.node("delivery-b", env);
			try (a; b) {
				f.figure("node A start to ready (s)", a.start(bench.logDir()));
				f.figure("node B start to ready (s)", b.start(bench.logDir()));
				CaseStore db = new CaseStore(postgres.jdbcUrl());
				String secret = subscribe(a, receiver.url());
				Ledger ledger = new Ledger();
				List<Service> nodes = List.of(a, b);
				long started = System.nanoTime();
				try (Load load = new Load(bench.client().asHotline(), ledger, "delivery", n -> nodes.get((int) (n % 2)),
						n -> a, cases).start(clients)) {
					long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
					while (receiver.count() < deliveredBeforeKill && System.nanoTime() < deadline) {
						Pause.of(Duration.ofMillis(100));
					}
					f.check(receiver.count() > 0, "nothing delivered before the kill");
					f.figure("deliveries received before the kill", receiver.count());
					f.figure("deliveries claimed (in flight or leased) when node B was killed", db.count(
							"SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING' AND attempts > 0"));
					b.kill9();
					Pause.of(down);
					f.figure("node B restart to ready (s)", b.start(bench.logDir()));
					f.figure("cases acknowledged when node B was ready again", ledger.acknowledgedCount());
					f.check(load.awaitTarget(Duration.ofMinutes(5)), "intake did not reach " + cases + " cases");
				}
				f.figure("intake statuses (no answer = node B dead, retried on A)", Ledger.statuses(ledger.all()));
				f.figure("cases acknowledged", ledger.acknowledged().size());
				f.check(db.awaitSettled(Duration.ofMinutes(3)) != null, "job backlog not done in 3 min");
				Duration took = awaitDelivered(db, receiver, Duration.ofMinutes(6));
				f.figure("every event delivered after the load stopped within (s)", took == null ? "no" : took);
				verify(f, db, receiver, secret, ledger);
				f.figure("scenario took (s)", Duration.ofNanos(System.nanoTime() - started));
			}
		}
		return f;
	}

	/** The hotline's subscription to all events; returns its secret. */
	private String subscribe(Service node, String url) throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/webhooks"))
				.timeout(IntakeClient.REQUEST_TIMEOUT)
				.header("Authorization", bench.tokens().bearer(Tokens.HOTLINE))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("url", url))))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("subscribing answered " + r.statusCode() + ": " + r.body());
		}
		return json.readTree(r.body()).get("secret").asText();
	}

	/** Every event of the database's cases (all the hotline's) committed so far. */
	private static Set<String> committed(CaseStore db) {
		return new HashSet<>(db.query("SELECT id FROM outbox_event WHERE case_id IS NOT NULL", rs -> rs.getString(1)));
	}

	private static Duration awaitDelivered(CaseStore db, DeliveryReceiver receiver, Duration timeout) {
		long started = System.nanoTime();
		while (System.nanoTime() - started < timeout.toNanos()) {
			Set<String> missing = committed(db);
			receiver.received().forEach(r -> missing.remove(r.id()));
			if (missing.isEmpty() && db.count("SELECT count(*) FROM webhook_delivery WHERE status <> 'DELIVERED'") == 0) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			Pause.of(Duration.ofSeconds(1));
		}
		return null;
	}

	private void verify(Findings f, CaseStore db, DeliveryReceiver receiver, String secret, Ledger ledger)
			throws Exception {
		Set<String> committed = committed(db);
		List<DeliveryReceiver.Received> received = receiver.received();
		Map<String, Set<String>> webhookIdsByEvent = new HashMap<>();
		Map<String, Integer> postsById = new HashMap<>();
		Set<UUID> casesHeardOf = new HashSet<>();
		List<String> unverified = new ArrayList<>();
		List<Long> lagsMillis = new ArrayList<>();
		for (DeliveryReceiver.Received r : received) {
			JsonNode event = json.readTree(r.body());
			webhookIdsByEvent.computeIfAbsent(event.get("id").asText(), k -> new HashSet<>()).add(r.id());
			postsById.merge(r.id(), 1, Integer::sum);
			casesHeardOf.add(UUID.fromString(event.get("caseId").asText()));
			try {
				// checked after the run, each at the time it arrived (the verifier refuses a stale timestamp)
				new WebhookVerifier(secret).withClock(Clock.fixed(r.at(), ZoneOffset.UTC))
					.verify(r.id(), r.timestamp(), r.signature(), r.body());
			}
			catch (WebhookVerificationException ex) {
				unverified.add(r.id());
			}
			lagsMillis.add(Duration.between(OffsetDateTime.parse(event.get("timestamp").asText()).toInstant(), r.at())
				.toMillis());
		}
		Set<String> missing = new HashSet<>(committed);
		missing.removeAll(webhookIdsByEvent.keySet());
		List<String> twoIds = webhookIdsByEvent.entrySet()
			.stream()
			.filter(e -> e.getValue().size() != 1 || !e.getValue().contains(e.getKey()))
			.map(e -> e.getKey() + " → " + e.getValue())
			.toList();
		Map<Integer, Long> postsPerId = new TreeMap<>();
		postsById.values().forEach(n -> postsPerId.merge(n, 1L, Long::sum));
		lagsMillis.sort(null);
		f.figure("events committed (of the hotline's cases)", committed.size());
		f.figure("events by type", db.query("SELECT type, count(*) FROM outbox_event GROUP BY type ORDER BY type",
				rs -> rs.getString(1) + ": " + rs.getLong(2)));
		f.figure("POSTs received", received.size());
		f.figure("events delivered (distinct webhook-ids)", postsById.size());
		f.figure("duplicate deliveries (same webhook-id again)", received.size() - postsById.size());
		f.figure("POSTs per webhook-id (count → ids)", postsPerId);
		f.figure("max delivery lag, event committed → received (s)",
				lagsMillis.isEmpty() ? "none" : lagsMillis.get(lagsMillis.size() - 1) / 1000.0);
		f.figure("median delivery lag (s)", lagsMillis.isEmpty() ? "none" : lagsMillis.get(lagsMillis.size() / 2) / 1000.0);
		f.figure("deliveries by status in the database", db.query(
				"SELECT status, count(*) FROM webhook_delivery GROUP BY status ORDER BY status",
				rs -> rs.getString(1) + ": " + rs.getLong(2)));
		f.figure("signatures that did not verify", unverified.size());
		f.check(missing.isEmpty(), "committed events never delivered: " + Findings.sample(List.copyOf(missing)));
		f.check(twoIds.isEmpty(), "events delivered under another or a second webhook-id: " + Findings.sample(twoIds));
		f.check(unverified.isEmpty(), "signatures that do not verify: " + Findings.sample(unverified));
		Set<UUID> acknowledged = new HashSet<>(ledger.acknowledged().values());
		acknowledged.removeAll(casesHeardOf);
		f.check(acknowledged.isEmpty(), "acknowledged cases the receiver never heard of: "
				+ Findings.sample(List.copyOf(acknowledged)));
		f.check(committed.containsAll(webhookIdsByEvent.keySet()), "deliveries of events that are not in the outbox");
	}

}
