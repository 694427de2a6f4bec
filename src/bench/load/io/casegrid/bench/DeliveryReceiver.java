package io.casegrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An app's webhook endpoint in the load generator's JVM (the JDK's HttpServer on a free local port): keeps every POST
 * it got with the time it arrived and answers 200 after {@code delay}, a receiver's own work, so that some deliveries
 * are always in flight. Used by the fault harness's delivery scenario and the benchmark's outbox cost.
 */
public final class DeliveryReceiver implements AutoCloseable {

	/** One POST as it arrived. */
	public record Received(String id, String timestamp, String signature, String body, Instant at) {
	}

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final Duration delay;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	public DeliveryReceiver(Duration delay) {
		this.delay = delay;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/hooks", this::handle);
		server.setExecutor(threads);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	public int count() {
		return received.size();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			var headers = exchange.getRequestHeaders();
			received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
					headers.getFirst("webhook-signature"), body, Instant.now()));
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
