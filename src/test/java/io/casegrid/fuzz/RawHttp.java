package io.casegrid.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the fuzzer must send what {@link java.net.http.HttpClient} refuses to (invalid
 * percent escapes, raw bytes in the target and headers, any Content-Type or none), one connection a request. The
 * request line and headers are byte strings: each char stands for one byte (ISO-8859-1).
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** Sends the request; a server that closes the connection before answering gives status 0. */
	public Response send(FuzzRequest request) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		head.write((request.method() + " ").getBytes(StandardCharsets.US_ASCII));
		head.write(request.target().getBytes(StandardCharsets.ISO_8859_1));
		head.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			head.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		if (request.body() != null) {
			head.write(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		head.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toByteArray());
				if (request.body() != null) {
					out.write(request.body());
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it read a huge body: read what it said
			}
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private static Response parse(byte[] raw) {
		int end = Bytes.indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
		if (end < 0) {
			return new Response(0, Map.of(), raw);
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon < 0) {
				continue;
			}
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, body);
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = Bytes.indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			at = lineEnd + 2;
			body.write(chunked, at, Math.min(length, chunked.length - at));
			at += length + 2;
		}
		return body.toByteArray();
	}

	public record Response(int status, Map<String, String> headers, byte[] body) {

		String contentType() {
			return headers.getOrDefault("content-type", "");
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

}
