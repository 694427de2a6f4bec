package io.casegrid.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.bench.Tokens;

/**
 * Reports cases the way the township's app does ({@code POST /api/v1/cases} with an {@code Idempotency-Key}); the
 * body is a function of the sequence number, so a retry sends exactly the same request.
 */
final class IntakeClient {

	/** The four grids of 城关街道, whose township dispatcher (dispatcher-cg) may whistle departments in. */
	static final List<String> GRIDS = List.of("149901001001001", "149901001001002", "149901001002001",
			"149901001002002");

	/** Reports into all four grids: only the township's staff may (a grid worker reports into their own grid only). */
	static final String REPORTER = "dispatcher-cg";

	/** How long a client waits for an answer; a request still open after it counts as hanging. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final ObjectMapper json = new ObjectMapper();

	private final Tokens tokens;

	private final long epoch;

	/** Who reports: {@link #REPORTER}, or the 12345 hotline's app ({@link Tokens#HOTLINE}). */
	private final String reporter;

	IntakeClient(Tokens tokens, long epochNanos) {
		this(tokens, epochNanos, REPORTER);
	}

	private IntakeClient(Tokens tokens, long epochNanos, String reporter) {
		this.tokens = tokens;
		this.epoch = epochNanos;
		this.reporter = reporter;
	}

	/** The same reports sent by the 12345 hotline's app (channel HOTLINE_12345): its cases, its webhooks. */
	IntakeClient asHotline() {
		return new IntakeClient(tokens, epoch, Tokens.HOTLINE);
	}

	String body(long seq) {
		String channel = reporter.equals(Tokens.HOTLINE)
				? "\"channel\": \"HOTLINE_12345\", \"channelReference\": \"fault-" + seq + "\""
				: "\"channel\": \"VISIT\"";
		return """
				{%s, "categoryCode": "FLY_WIRE_CHARGING", "title": "故障演练 飞线充电 #%d",
				 "description": "演练第%d号：楼道有住户从窗口拉电线给电动车充电，存在火灾隐患。",
				 "location": {"address": "东关社区%d号楼", "unitCode": "%s"},
				 "reporter": {"name": "张三", "phone": "13800000000"}}
				""".formatted(channel, seq, seq, seq % 40 + 1, GRIDS.get((int) (seq % GRIDS.size())));
	}

	Outcome report(Service node, String key, long seq) {
		long sent = System.nanoTime();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/cases"))
				.timeout(REQUEST_TIMEOUT)
				.header("Authorization", tokens.bearer(reporter))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body(seq)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return answered(node, key, seq, sent, response);
		}
		catch (IOException | RuntimeException ex) {
			return new Outcome(key, seq, node.name(), Outcome.NO_ANSWER, null, false, null, null, false,
					sinceEpoch(sent), millisSince(sent), ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Outcome answered(Service node, String key, long seq, long sent, HttpResponse<String> response) {
		String contentType = response.headers().firstValue("Content-Type").orElse(null);
		UUID caseId = null;
		String problemType = null;
		try {
			JsonNode body = json.readTree(response.body());
			if (response.statusCode() == 201) {
				caseId = UUID.fromString(body.get("id").asText());
			}
			else if (body.has("type")) {
				problemType = body.get("type").asText();
			}
		}
		catch (IOException | RuntimeException ex) {
			problemType = "(unreadable body)";
		}
		boolean leaks = response.body().contains("Exception") || response.body().contains("\tat ");
		boolean replayed = "true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(null));
		return new Outcome(key, seq, node.name(), response.statusCode(), caseId, replayed, contentType, problemType,
				leaks, sinceEpoch(sent), millisSince(sent), null);
	}

	private long sinceEpoch(long nanos) {
		return (nanos - epoch) / 1_000_000;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
