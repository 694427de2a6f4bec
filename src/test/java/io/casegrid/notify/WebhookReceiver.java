package io.casegrid.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.casegrid.client.webhooks.WebhookVerificationException;
import io.casegrid.client.webhooks.WebhookVerifier;

/**
 * A real HTTP server on a free local port that takes webhook POSTs as an app's endpoint would: it keeps every
 * request it got and answers with the next queued status (200 once the queue is empty). Signatures are checked with
 * the verifier the Java client ships ({@link WebhookVerifier}), as an app would check them.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One POST as it arrived, and when. */
	record Received(String id, String timestamp, String signature, String body, Instant at) {

		/** Whether the shipped verifier accepts it with this secret, at the time it arrived. */
		boolean verifiesWith(String secret) {
			try {
				new WebhookVerifier(secret).withClock(Clock.fixed(at, ZoneOffset.UTC))
					.verify(id, timestamp, signature, body);
				return true;
			}
			catch (WebhookVerificationException ex) {
				return false;
			}
		}

	}

	private final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();

	private HttpServer server;

	private final int port;

	WebhookReceiver() throws IOException {
		this(0);
	}

	WebhookReceiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/hooks", this::handle);
		server.start();
		this.port = server.getAddress().getPort();
	}

	/** Answers the next requests with these statuses, in order. */
	WebhookReceiver answering(int... statuses) {
		for (int status : statuses) {
			answers.add(status);
		}
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + port + "/hooks";
	}

	int port() {
		return port;
	}

	List<Received> received() {
		return new ArrayList<>(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			var headers = exchange.getRequestHeaders();
			received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
					headers.getFirst("webhook-signature"), body, Instant.now()));
		}
		Integer status = answers.poll();
		exchange.sendResponseHeaders(status == null ? 200 : status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
