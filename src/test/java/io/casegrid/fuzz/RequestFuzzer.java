package io.casegrid.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds one request for an operation of the contract: valid from its schemas, as a caller that may (mostly) or may
 * not call it, then changed by one or two mutations of its body, path, query, headers or method.
 */
public final class RequestFuzzer {

	private static final List<String> REQUEST_MUTATIONS = List.of("path-value", "path-value", "query-hostile",
			"query-hostile", "query-bad-encoding", "query-extra", "idempotency-key", "content-type", "wrong-method",
			"accept");

	private static final List<String> BAD_ENCODINGS = List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%zz", "%",
			"%0", "%00", "\u00FF", "\u00C3(", "%E2%82", "x".repeat(20_000));

	private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "..", "%2e%2e", "%2F", "a%2Fb",
			";jsessionid=1", "%20", "null", "-1", "0", "%FF", "%C3%28", "%zz", "%00", "\u00FF",
			"12345678-1234-1234-1234-123456789012", "x".repeat(5_000), "%E7%95%8C");

	private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
			"application/json; charset=ISO-8859-1", "application/json; charset=bogus", "garbage",
			"application/problem+json", "*/*", "application/json;;;", "application/*", "text/json");

	private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png",
			"application/json;q=0", "garbage", "text/plain");

	private static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "TRACE", "FUZZ", "GET", "POST");

	private final Random random;

	private final SchemaValues values;

	private final BodyMutator bodies;

	private final ObjectMapper json;

	private final List<Principal> principals;

	private final KnownIds ids;

	private final List<String> usedKeys = new ArrayList<>();

	public RequestFuzzer(Random random, SchemaValues values, ObjectMapper json, List<Principal> principals, KnownIds ids) {
		this.random = random;
		this.values = values;
		this.bodies = new BodyMutator(values, random, json);
		this.json = json;
		this.principals = principals;
		this.ids = ids;
	}

	/**
	 * Each operation in proportion to what there is to break in it — its parameters, and its body most — in a seeded
	 * order; an operation without either still gets its share of wrong methods, headers and callers.
	 */
	public static List<ContractOperation> schedule(List<ContractOperation> operations, Random random) {
		List<ContractOperation> schedule = new ArrayList<>();
		for (ContractOperation operation : operations) {
			int weight = 2 + operation.parameters().size() + (operation.body() == null ? 0 : 6);
			for (int i = 0; i < weight; i++) {
				schedule.add(operation);
			}
		}
		Collections.shuffle(schedule, random);
		return schedule;
	}

	public FuzzRequest next(ContractOperation operation) throws Exception {
		Draft draft = new Draft(operation, principal(operation));
		int mutations = random.nextInt(10) == 0 ? 0 : 1 + (random.nextInt(4) == 0 ? 1 : 0);
		for (int i = 0; i < mutations; i++) {
			mutate(draft);
		}
		return draft.build();
	}

	private Principal principal(ContractOperation operation) {
		int dice = random.nextInt(100);
		List<Principal> allowed = principals.stream().filter(p -> p.mayCall(operation)).toList();
		List<Principal> refused = principals.stream().filter(p -> !p.mayCall(operation)).toList();
		if (dice < 8 || allowed.isEmpty() && refused.isEmpty()) {
			return pick(Principal.invalid());
		}
		if (dice < 20 && !refused.isEmpty() || allowed.isEmpty()) {
			return pick(refused);
		}
		return pick(allowed);
	}

	private void mutate(Draft draft) throws Exception {
		List<String> options = new ArrayList<>(REQUEST_MUTATIONS);
		if (draft.operation.body() != null) {
			options.addAll(BodyMutator.TREE_MUTATIONS);
			options.addAll(BodyMutator.TREE_MUTATIONS);
			options.addAll(BodyMutator.BYTE_MUTATIONS);
		}
		else {
			options.add("body-on-bodyless");
		}
		String mutation = pick(options);
		draft.mutations.add(mutation);
		switch (mutation) {
			case "path-value" -> draft.path.replaceAll((name, value) -> random.nextBoolean() ? badPathValue() : value);
			case "query-hostile" -> draft.query.add(hostileQuery(draft.operation));
			case "query-bad-encoding" -> draft.query.add(queryName(draft.operation) + "=" + pick(BAD_ENCODINGS));
			case "query-extra" -> draft.query.add(pick(List.of("unknown=1", "page", "&&", "=x", "size=1&size=500",
					"page=-1&page=0", "size=" + "9".repeat(30))));
			case "idempotency-key" -> draft.headers.put("Idempotency-Key", badKey());
			case "content-type" -> draft.headers.put("Content-Type", pick(CONTENT_TYPES));
			case "wrong-method" -> draft.method = pick(METHODS);
			case "accept" -> draft.headers.put("Accept", pick(ACCEPTS));
			case "body-on-bodyless" -> draft.rawBody = json.writeValueAsBytes(values.hostile(Map.of(), "body"));
			default -> {
				if (BodyMutator.BYTE_MUTATIONS.contains(mutation)) {
					draft.rawBody = bodies.mutateBytes(mutation, draft.body, draft.operation.body());
				}
				else {
					draft.body = bodies.mutateTree(mutation, draft.body, draft.operation.body());
				}
			}
		}
	}

	private String hostileQuery(ContractOperation operation) {
		List<ContractOperation.Parameter> query = operation.in("query");
		if (query.isEmpty()) {
			return "unknown=" + encode(values.hostileText(Map.of(), "unknown"));
		}
		ContractOperation.Parameter parameter = pick(query);
		return parameter.name() + "=" + encode(values.hostileText(parameter.schema(), parameter.name()));
	}

	private String queryName(ContractOperation operation) {
		List<ContractOperation.Parameter> query = operation.in("query");
		return query.isEmpty() ? "unknown" : pick(query).name();
	}

	private String badPathValue() {
		return random.nextBoolean() ? values.uuid().toString() : pick(BAD_PATH_VALUES);
	}

	/** Keys at and past the limits, not ASCII, not even UTF-8, or used before with another body. */
	private String badKey() {
		List<String> keys = new ArrayList<>(List.of("", " ", "k".repeat(200), "k".repeat(201), "k".repeat(7_000),
				utf8Bytes("幂等键"), "\u00FF\u00FE", "\u0001\u0002", "key\u0000", "a b c"));
		keys.addAll(usedKeys);
		return pick(keys);
	}

	private String pathValue(String name) {
		return switch (name) {
			case "caseId" -> random.nextInt(5) == 0 ? values.uuid().toString() : pick(ids.caseIds());
			case "taskId" -> random.nextInt(5) == 0 || ids.taskIds().isEmpty() ? "no-such-task" : pick(ids.taskIds());
			case "orderId" -> ids.orderIds().isEmpty() || random.nextBoolean() ? values.uuid().toString()
					: pick(ids.orderIds());
			case "code" -> pick(ids.unitCodes());
			default -> values.uuid().toString();
		};
	}

	private <T> T pick(List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The UTF-8 bytes of a text as a byte string (one char a byte), as raw HTTP headers carry them. */
	private static String utf8Bytes(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	/** A request being built: valid from the schemas until mutations change it. */
	private final class Draft {

		final ContractOperation operation;

		final Principal principal;

		final List<String> mutations = new ArrayList<>();

		final Map<String, String> path = new LinkedHashMap<>();

		final List<String> query = new ArrayList<>();

		final Map<String, String> headers = new LinkedHashMap<>();

		String method;

		JsonNode body;

		byte[] rawBody;

		Draft(ContractOperation operation, Principal principal) {
			this.operation = operation;
			this.principal = principal;
			this.method = operation.method();
			operation.in("path").forEach(p -> path.put(p.name(), encode(pathValue(p.name()))));
			for (ContractOperation.Parameter parameter : operation.in("query")) {
				if (random.nextInt(3) == 0) {
					query.add(parameter.name() + "=" + encode(values.validText(parameter.schema(), parameter.name())));
				}
			}
			for (ContractOperation.Parameter parameter : operation.in("header")) {
				if (random.nextBoolean()) {
					String key = values.uuid().toString();
					usedKeys.add(key);
					headers.put(parameter.name(), key);
				}
			}
			String authorization = principal.authorization().get();
			if (authorization != null) {
				headers.put("Authorization", authorization);
			}
			if (operation.body() != null) {
				headers.put("Content-Type", "application/json");
				body = values.valid(operation.body(), "body");
			}
		}

		FuzzRequest build() throws Exception {
			String target = operation.path();
			for (Map.Entry<String, String> parameter : path.entrySet()) {
				target = target.replace("{" + parameter.getKey() + "}", parameter.getValue());
			}
			if (!query.isEmpty()) {
				target += "?" + String.join("&", query);
			}
			byte[] bytes = rawBody != null ? rawBody : body == null ? null : json.writeValueAsBytes(body);
			if (headers.get("Content-Type") != null && headers.get("Content-Type").isEmpty()) {
				headers.remove("Content-Type");
			}
			return new FuzzRequest(operation.id(), principal.name(), List.copyOf(mutations), method, target,
					Map.copyOf(headers), bytes);
		}

	}

}
