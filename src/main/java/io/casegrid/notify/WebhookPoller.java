package io.casegrid.notify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every node polls, outside any business transaction: fan out new events into webhook deliveries and into messages
 * for people, then attempt the due ones of both.
 * Nodes share the work through row locks (subscriptions and deliveries are claimed with {@code SKIP LOCKED}); all
 * state is in the database, so a node killed mid-round leaves nothing that another node, or itself after a restart,
 * does not pick up.
 */
@Component
class WebhookPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

	private final WebhookFanOut fanOut;

	private final WebhookSender sender;

	private final PeopleFanOut peopleFanOut;

	private final NotificationSender peopleSender;

	private final WebhookProperties properties;

	private ScheduledExecutorService executor;

	WebhookPoller(WebhookFanOut fanOut, WebhookSender sender, PeopleFanOut peopleFanOut,
			NotificationSender peopleSender, WebhookProperties properties) {
		this.fanOut = fanOut;
		this.sender = sender;
		this.peopleFanOut = peopleFanOut;
		this.peopleSender = peopleSender;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "webhook-poller");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void poll() {
		try {
			// a burst is fanned out and sent batch by batch within the round, not one batch per poll interval
			boolean more;
			do {
				more = fanOut.run().more();
				while (sender.sendDue() == properties.batchSize()) {
					// a full batch: more may be due right now
				}
			}
			while (more);
		}
		catch (RuntimeException ex) {
			log.warn("Webhook poll failed; the next one tries again: {}", ex.toString());
		}
		try {
			while (peopleFanOut.run() == properties.batchSize()) {
				// a full batch: more events may be waiting
			}
			while (peopleSender.sendDue() == properties.batchSize()) {
				// a full batch: more may be due right now
			}
		}
		catch (RuntimeException ex) {
			log.warn("People notification poll failed; the next one tries again: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
