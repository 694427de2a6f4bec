package io.casegrid.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.casegrid.DemoCounty;

/**
 * Values for a schema of the contract: a plausible valid one (so that a single mutation is what the service has to
 * catch), and the boundary and hostile ones a careless client or an attacker sends.
 */
public final class SchemaValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Values the service knows, by field name: a valid request must reach past lookups to the deeper rules. */
	private static final Map<String, List<String>> KNOWN = Map.of("categoryCode",
			List.of("FLY_WIRE_CHARGING", "OTHER", "MANHOLE_COVER"), "unitCode",
			List.of(DemoCounty.GRID_DONGGUAN_1, DemoCounty.MICRO_GRID_DONGGUAN_1_1, DemoCounty.VILLAGE_DONGGUAN),
			"phone", List.of("13800000000", "+86 138-0000-0000"), "lead",
			List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT), "departments",
			List.of(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT), "outcome", List.of("RESOLVED", "ESCALATE", "ACCEPT"),
			"tags", List.of("LIVING_ALONE_ELDERLY", "SEVERE_DISABILITY"));

	private static final List<String> HOSTILE_STRINGS = List.of("", " ", "null", "NaN", "Infinity", "-0", "1e999",
			"\u0000", "\u202e\u0644\u0627", "😀🧨", "' OR '1'='1' --", "<script>alert(1)</script>", "${jndi:ldap://x}",
			"%00", "../../etc/passwd", "\uFEFF", "\uD800", "\t\r\n", "true", "[]", "{}");

	private static final List<String> HOSTILE_DATES = List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
			"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
			"2026-13-01T00:00:00Z", "2026-11-23T10:00:00", "2026-11-23", "yesterday", "1700000000",
			"2026-11-23T25:61:61Z", "2026-11-23T10:00:00+25:00", "");

	private final Contract contract;

	private final Random random;

	public SchemaValues(Contract contract, Random random) {
		this.contract = contract;
		this.random = random;
	}

	/** A value the schema allows, with every required property and about half of the optional ones. */
	JsonNode valid(Map<String, Object> schema, String name) {
		Map<String, Object> s = contract.resolve(schema);
		String type = type(s);
		switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				List<Object> required = Contract.list(s.get("required"));
				Contract.map(s.get("properties")).forEach((property, propertySchema) -> {
					if (required.contains(property) || random.nextBoolean()) {
						object.set(property, valid(Contract.map(propertySchema), property));
					}
				});
				if (s.get("additionalProperties") instanceof Map<?, ?> values && random.nextBoolean()) {
					object.set("note", valid(Contract.map(values), "note"));
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int min = integer(s, "minItems", 0);
				for (int i = 0; i < Math.max(min, random.nextInt(3)); i++) {
					array.add(valid(Contract.map(s.get("items")), name));
				}
				return array;
			}
			case "integer" -> {
				long min = integer(s, "minimum", 0);
				long max = integer(s, "maximum", 100);
				return NODES.numberNode(min + random.nextInt((int) Math.min(max - min + 1, 1000)));
			}
			case "number" -> {
				double min = decimal(s, "minimum", -1000);
				double max = decimal(s, "maximum", 1000);
				return NODES.numberNode(min + random.nextDouble() * (max - min));
			}
			case "boolean" -> {
				return NODES.booleanNode(random.nextBoolean());
			}
			default -> {
				return NODES.textNode(validString(s, name));
			}
		}
	}

	/** A value just outside the schema, at its edge, or hostile in general. */
	JsonNode hostile(Map<String, Object> schema, String name) {
		Map<String, Object> s = contract.resolve(schema);
		List<JsonNode> candidates = new ArrayList<>(wrongTypes(s));
		switch (type(s)) {
			case "object" -> candidates.add(NODES.objectNode());
			case "array" -> {
				candidates.add(NODES.arrayNode());
				ArrayNode tooMany = NODES.arrayNode();
				for (int i = 0; i <= integer(s, "maxItems", 1000); i++) {
					tooMany.add(valid(Contract.map(s.get("items")), name));
				}
				candidates.add(tooMany);
				candidates.add(NODES.arrayNode().add(hostile(Contract.map(s.get("items")), name)));
			}
			case "integer", "number" -> {
				candidates.add(NODES.numberNode(integer(s, "minimum", 0) - 1));
				candidates.add(NODES.numberNode(integer(s, "maximum", Integer.MAX_VALUE) + 1L));
				candidates.add(NODES.numberNode(-1));
				candidates.add(NODES.numberNode(1.5));
				candidates.add(NODES.numberNode(Long.MIN_VALUE));
				candidates.add(NODES.numberNode(new BigInteger("123456789012345678901234567890123456789")));
				candidates.add(NODES.numberNode(new BigDecimal("1e400")));
				candidates.add(NODES.numberNode(-Double.MAX_VALUE));
				candidates.add(NODES.textNode("NaN"));
			}
			default -> candidates.addAll(hostileStrings(s, name));
		}
		return candidates.get(random.nextInt(candidates.size()));
	}

	/** Hostile text for a query or path parameter. */
	String hostileText(Map<String, Object> schema, String name) {
		JsonNode value = hostile(schema, name);
		return value.isTextual() ? value.textValue() : value.toString();
	}

	String validText(Map<String, Object> schema, String name) {
		JsonNode value = valid(schema, name);
		return value.isTextual() ? value.textValue() : value.toString();
	}

	/** A UUID from the seeded random, so that a run can be repeated. */
	UUID uuid() {
		return new UUID(random.nextLong(), random.nextLong());
	}

	/** A value of another JSON type than the schema's. */
	JsonNode wrongType(Map<String, Object> schema) {
		List<JsonNode> wrong = wrongTypes(contract.resolve(schema));
		return wrong.get(random.nextInt(wrong.size()));
	}

	Map<String, Object> resolve(Map<String, Object> schema) {
		return contract.resolve(schema);
	}

	private List<JsonNode> wrongTypes(Map<String, Object> s) {
		List<JsonNode> wrong = new ArrayList<>(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(42),
				NODES.textNode("wrong type"), NODES.arrayNode().add(1), NODES.objectNode().put("x", 1)));
		wrong.removeIf(node -> sameType(node, type(s)));
		return wrong;
	}

	private List<JsonNode> hostileStrings(Map<String, Object> s, String name) {
		List<JsonNode> values = new ArrayList<>();
		HOSTILE_STRINGS.forEach(v -> values.add(NODES.textNode(v)));
		int min = integer(s, "minLength", 0);
		int max = integer(s, "maxLength", 10_000);
		values.add(NODES.textNode("x".repeat(max)));
		values.add(NODES.textNode("x".repeat(max + 1)));
		values.add(NODES.textNode("界".repeat(max + 1)));
		if (min > 0) {
			values.add(NODES.textNode("x".repeat(min - 1)));
		}
		for (Object option : Contract.list(s.get("enum"))) {
			values.add(NODES.textNode(option.toString().toLowerCase()));
			values.add(NODES.textNode(" " + option));
		}
		if ("date-time".equals(s.get("format"))) {
			HOSTILE_DATES.forEach(v -> values.add(NODES.textNode(v)));
		}
		if ("uuid".equals(s.get("format"))) {
			values.add(NODES.textNode(uuid().toString().replace("-", "")));
			values.add(NODES.textNode(uuid() + "0"));
			values.add(NODES.textNode("00000000-0000-0000-0000-000000000000"));
			values.add(NODES.textNode("ffffffff-ffff-ffff-ffff-ffffffffffff"));
			values.add(NODES.textNode("g0000000-0000-0000-0000-000000000000"));
		}
		values.add(NODES.textNode(validString(s, name) + "\u0000"));
		return values;
	}

	private String validString(Map<String, Object> s, String name) {
		List<Object> options = Contract.list(s.get("enum"));
		if (!options.isEmpty()) {
			return options.get(random.nextInt(options.size())).toString();
		}
		if ("date-time".equals(s.get("format"))) {
			return Instant.now().minusSeconds(random.nextInt(86_400 * 30)).toString();
		}
		if ("uuid".equals(s.get("format"))) {
			return uuid().toString();
		}
		List<String> known = KNOWN.get(name);
		if (known != null) {
			return known.get(random.nextInt(known.size()));
		}
		int min = Math.max(1, integer(s, "minLength", 1));
		int max = Math.min(integer(s, "maxLength", 40), 40);
		return "模糊测试 fuzz".repeat(8).substring(0, Math.max(min, Math.min(max, 1 + random.nextInt(12))));
	}

	private static boolean sameType(JsonNode node, String type) {
		return switch (type) {
			case "object" -> node.isObject();
			case "array" -> node.isArray();
			case "integer" -> node.isIntegralNumber();
			case "number" -> node.isNumber();
			case "boolean" -> node.isBoolean();
			default -> node.isTextual();
		};
	}

	private static String type(Map<String, Object> s) {
		Object type = s.get("type");
		if (type != null) {
			return type.toString();
		}
		return s.containsKey("properties") ? "object" : "string";
	}

	private static int integer(Map<String, Object> s, String key, int otherwise) {
		return s.get(key) instanceof Number n ? n.intValue() : otherwise;
	}

	private static double decimal(Map<String, Object> s, String key, double otherwise) {
		return s.get(key) instanceof Number n ? n.doubleValue() : otherwise;
	}

}
