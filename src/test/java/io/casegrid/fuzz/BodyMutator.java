package io.casegrid.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutations of a request body built from its schema: a field out of range, of the wrong type, missing, null or
 * unknown, an object with thousands of properties, an array or string past its bound; and, on the bytes, malformed
 * JSON, invalid UTF-8, several megabytes, or nesting deeper than any parser should follow.
 */
final class BodyMutator {

	static final List<String> TREE_MUTATIONS = List.of("field-hostile", "field-hostile", "field-hostile",
			"field-wrong-type", "missing-required", "unknown-field", "field-null", "many-properties", "long-array",
			"long-string");

	/** Property counts of a bloated object: just over a {@code maxProperties}, within and far over the body limit. */
	private static final List<Integer> MANY = List.of(21, 51, 1_000, 10_000, 80_000);

	/** Lengths past a {@code maxItems} or {@code maxLength}: by one, and by orders of magnitude. */
	private static final List<Integer> LONG = List.of(1, 1, 1_000, 20_000);

	static final List<String> BYTE_MUTATIONS = List.of("malformed-json", "malformed-json", "bad-utf8", "bad-utf8",
			"huge-body", "deep-nesting", "empty-body");

	private static final String MARKER = "@@FUZZ-MARKER@@";

	private static final List<String> MALFORMED = List.of("", "{", "}", "[", "{\"a\":1,}", "{'a':'b'}", "{\"a\" 1}",
			"NaN", "null", "[]", "\"text\"", "123", "{}{}", "/* comment */ {}", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}",
			"{\"a\":tru}", "\u0000");

	private static final byte[][] BAD_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF },
			{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE2, (byte) 0x82 },
			{ (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
			{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };

	private static final List<String> UNKNOWN_FIELDS = List.of("unknownField", "__proto__", "@class", "id",
			"caseNumber", "step", "createdBy", "");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final SchemaValues values;

	private final Random random;

	private final ObjectMapper json;

	BodyMutator(SchemaValues values, Random random, ObjectMapper json) {
		this.values = values;
		this.random = random;
		this.json = json;
	}

	/** Changes the body tree in place (or returns a replacement for its root). */
	JsonNode mutateTree(String mutation, JsonNode body, Map<String, Object> schema) {
		List<Slot> slots = new ArrayList<>();
		collect(body, schema, "body", slots::add);
		if (slots.isEmpty() || mutation.equals("field-hostile") && random.nextInt(10) == 0) {
			return values.hostile(schema, "body");
		}
		Slot slot = slots.get(random.nextInt(slots.size()));
		switch (mutation) {
			case "field-wrong-type" -> slot.set(values.wrongType(slot.schema()));
			case "missing-required" -> removeRequired(body, schema, slots);
			case "unknown-field" -> objectIn(body, slots).set(pick(UNKNOWN_FIELDS), values.valid(Map.of(), "x"));
			case "field-null" -> slot.set(NODES.nullNode());
			case "many-properties" -> bloat(objectIn(body, slots));
			case "long-array" -> lengthen(body, slots, "array");
			case "long-string" -> lengthen(body, slots, "string");
			default -> slot.set(values.hostile(slot.schema(), slot.name()));
		}
		return body;
	}

	private void bloat(ObjectNode object) {
		int count = pick(MANY);
		for (int i = 0; i < count; i++) {
			object.put("f" + i, "x");
		}
	}

	/** An array or string of the body (or a new field) made longer than its schema allows. */
	private void lengthen(JsonNode body, List<Slot> slots, String type) {
		List<Slot> candidates = slots.stream().filter(s -> type.equals(values.resolve(s.schema()).get("type"))).toList();
		Slot slot = candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
		Map<String, Object> schema = slot == null ? Map.of() : values.resolve(slot.schema());
		int over = pick(LONG);
		JsonNode value;
		if (type.equals("array")) {
			int max = schema.get("maxItems") instanceof Number n ? n.intValue() : 0;
			JsonNode item = values.valid(Contract.map(schema.get("items")), slot == null ? "item" : slot.name());
			ArrayNode array = NODES.arrayNode();
			for (int i = 0; i < max + over; i++) {
				// copies: a second mutation may change one item, and must not change them all
				array.add(item.deepCopy());
			}
			value = array;
		}
		else {
			int max = schema.get("maxLength") instanceof Number n ? n.intValue() : 0;
			value = NODES.textNode((random.nextBoolean() ? "x" : "界").repeat(max + over));
		}
		if (slot != null) {
			slot.set(value);
		}
		else if (body instanceof ObjectNode object) {
			object.set("fuzz", value);
		}
	}

	/** The body's bytes after a byte-level mutation. */
	byte[] mutateBytes(String mutation, JsonNode body, Map<String, Object> schema) throws Exception {
		return switch (mutation) {
			case "malformed-json" -> malformed(body);
			case "bad-utf8" -> replaceMarker(body, schema, badUtf8());
			case "huge-body" -> huge(body, schema);
			case "deep-nesting" -> replaceMarker(body, schema, deep());
			default -> new byte[0];
		};
	}

	private byte[] malformed(JsonNode body) throws Exception {
		if (random.nextBoolean()) {
			return pick(MALFORMED).getBytes(StandardCharsets.UTF_8);
		}
		byte[] bytes = json.writeValueAsBytes(body);
		return random.nextBoolean() ? java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)))
				: (new String(bytes, StandardCharsets.UTF_8) + pick(List.of("x", ",", "}", " {\"a\":1}", "]")))
					.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] badUtf8() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("\"".getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes("问题".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
		bytes.writeBytes("\"".getBytes(StandardCharsets.US_ASCII));
		return bytes.toByteArray();
	}

	private byte[] deep() {
		int depth = 2_000 + random.nextInt(100_000);
		String open = random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.US_ASCII);
	}

	private byte[] huge(JsonNode body, Map<String, Object> schema) throws Exception {
		int megabytes = 2 + random.nextInt(4);
		if (random.nextBoolean()) {
			ArrayNode many = NODES.arrayNode();
			for (int i = 0; i < megabytes * 100_000; i++) {
				many.add("fuzz");
			}
			return json.writeValueAsBytes(many);
		}
		String text = (random.nextBoolean() ? "x" : "界").repeat(megabytes * 1_000_000 / 2);
		return replaceMarker(body, schema, json.writeValueAsBytes(text));
	}

	/** The body with one value (or a new field) replaced by raw bytes that a JSON tree cannot hold. */
	private byte[] replaceMarker(JsonNode body, Map<String, Object> schema, byte[] raw) throws Exception {
		List<Slot> slots = new ArrayList<>();
		collect(body, schema, "body", slots::add);
		if (body instanceof ObjectNode object && (slots.isEmpty() || random.nextInt(4) == 0)) {
			object.put("fuzz", MARKER);
		}
		else if (!slots.isEmpty()) {
			slots.get(random.nextInt(slots.size())).set(NODES.textNode(MARKER));
		}
		else {
			return raw;
		}
		byte[] serialized = json.writeValueAsBytes(body);
		byte[] marker = json.writeValueAsBytes(MARKER);
		int at = Bytes.indexOf(serialized, marker, 0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(serialized, 0, at);
		out.writeBytes(raw);
		out.write(serialized, at + marker.length, serialized.length - at - marker.length);
		return out.toByteArray();
	}

	private void removeRequired(JsonNode body, Map<String, Object> schema, List<Slot> slots) {
		List<Runnable> removals = new ArrayList<>();
		requiredIn(body, schema, removals);
		if (removals.isEmpty()) {
			slots.get(random.nextInt(slots.size())).set(NODES.missingNode());
			return;
		}
		removals.get(random.nextInt(removals.size())).run();
	}

	private void requiredIn(JsonNode node, Map<String, Object> schema, List<Runnable> removals) {
		Map<String, Object> s = values.resolve(schema);
		if (node instanceof ObjectNode object) {
			for (Object required : Contract.list(s.get("required"))) {
				if (object.has(required.toString())) {
					removals.add(() -> object.remove(required.toString()));
				}
			}
			Contract.map(s.get("properties")).forEach((name, child) -> {
				if (object.get(name) != null) {
					requiredIn(object.get(name), Contract.map(child), removals);
				}
			});
		}
	}

	private ObjectNode objectIn(JsonNode body, List<Slot> slots) {
		List<ObjectNode> objects = new ArrayList<>();
		if (body instanceof ObjectNode root) {
			objects.add(root);
		}
		slots.stream().map(Slot::current).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
			.forEach(objects::add);
		return objects.isEmpty() ? NODES.objectNode() : objects.get(random.nextInt(objects.size()));
	}

	/** Every value of the body, with the schema that governs it. */
	private void collect(JsonNode node, Map<String, Object> schema, String name, Consumer<Slot> slots) {
		Map<String, Object> s = values.resolve(schema);
		if (node instanceof ObjectNode object) {
			Map<String, Object> properties = Contract.map(s.get("properties"));
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			for (String field : names) {
				Map<String, Object> child = properties.containsKey(field) ? Contract.map(properties.get(field))
						: Contract.map(s.get("additionalProperties"));
				slots.accept(new Slot(field, child, object.get(field), v -> setField(object, field, v)));
				collect(object.get(field), child, field, slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			Map<String, Object> items = Contract.map(s.get("items"));
			for (int i = 0; i < array.size(); i++) {
				int index = i;
				slots.accept(new Slot(name, items, array.get(i), v -> array.set(index, v)));
				collect(array.get(i), items, name, slots);
			}
		}
	}

	private static void setField(ObjectNode object, String field, JsonNode value) {
		if (value.isMissingNode()) {
			object.remove(field);
		}
		else {
			object.set(field, value);
		}
	}

	private <T> T pick(List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	/** A place in the body tree: its name, schema, current value and how to replace it. */
	private record Slot(String name, Map<String, Object> schema, JsonNode current, Consumer<JsonNode> setter) {

		void set(JsonNode value) {
			setter.accept(value);
		}

	}

}
