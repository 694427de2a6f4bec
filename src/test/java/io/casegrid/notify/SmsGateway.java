package io.casegrid.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A county's SMS platform as a real HTTP server on a free local port: it keeps every POST it got (content type and
 * body) and answers 200, or 500 to the first requests that carry a phone number it was told to fail.
 */
final class SmsGateway implements AutoCloseable {

	record Received(String contentType, String body) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	private final HttpServer server;

	SmsGateway() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sms", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
	}

	/** Answers 500 to the next {@code times} requests for this phone number. */
	void failFor(String phone, int times) {
		failures.put(phone, new AtomicInteger(times));
	}

	/** The requests whose body names this phone number, in the order they came. */
	List<Received> to(String phone) {
		return received.stream().filter(r -> r.body().contains(phone)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body));
			boolean fail = failures.entrySet()
				.stream()
				.anyMatch(f -> body.contains(f.getKey()) && f.getValue().getAndDecrement() > 0);
			exchange.sendResponseHeaders(fail ? 500 : 200, -1);
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
