package io.casegrid.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Client threads reporting cases with fresh Idempotency-Keys until stopped or until enough were acknowledged. A
 * request that gets no answer is retried once on another node when there is one, with the same key, as a client
 * behind a load balancer would; either way every attempt lands in the ledger.
 */
final class Load implements AutoCloseable {

	private final IntakeClient client;

	private final Ledger ledger;

	private final String keyPrefix;

	private final LongFunction<Service> route;

	private final LongFunction<Service> failover;

	private final long target;

	private final AtomicBoolean stop = new AtomicBoolean();

	private final AtomicLong sequence = new AtomicLong();

	private final List<Thread> threads = new ArrayList<>();

	/**
	 * @param route the node that gets request number n
	 * @param failover the node to retry request n on after no answer, or null
	 * @param target stop once this many were acknowledged (Long.MAX_VALUE: until {@link #close()})
	 */
	Load(IntakeClient client, Ledger ledger, String keyPrefix, LongFunction<Service> route,
			LongFunction<Service> failover, long target) {
		this.client = client;
		this.ledger = ledger;
		this.keyPrefix = keyPrefix;
		this.route = route;
		this.failover = failover;
		this.target = target;
	}

	Load start(int clients) {
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(this::run, keyPrefix + "-client-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		return this;
	}

	private void run() {
		while (!stop.get() && ledger.acknowledgedCount() < target) {
			long seq = sequence.getAndIncrement();
			String key = keyPrefix + "-" + seq;
			Outcome outcome = client.report(route.apply(seq), key, seq);
			ledger.add(outcome);
			if (outcome.status() == Outcome.NO_ANSWER && failover != null && !stop.get()) {
				outcome = client.report(failover.apply(seq), key, seq);
				ledger.add(outcome);
			}
			if (outcome.status() == Outcome.NO_ANSWER) {
				// a client backs off after a refused connection instead of spinning on a dead port
				Pause.of(Duration.ofSeconds(1));
			}
			else if (!outcome.acknowledged()) {
				Pause.of(Duration.ofMillis(250));
			}
		}
	}

	/** Waits until the target is reached (or the timeout passes). */
	boolean awaitTarget(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ledger.acknowledgedCount() < target && System.nanoTime() < deadline) {
			Pause.of(Duration.ofMillis(200));
		}
		return ledger.acknowledgedCount() >= target;
	}

	/** Stops the clients and waits for the requests in flight (each is bounded by the request timeout). */
	@Override
	public void close() {
		stop.set(true);
		for (Thread thread : threads) {
			try {
				thread.join(IntakeClient.REQUEST_TIMEOUT.toMillis() * 2 + 5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
