package io.casegrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every collection an answer of the API holds is bounded in the contract: each array reachable from a response
 * (through {@code $ref}s, properties, items and compositions) declares {@code maxItems}.
 */
class ResponseArraysBoundedContractTests {

	@Test
	void everyArrayInAResponseDeclaresMaxItems() throws IOException {
		Map<String, Object> spec;
		try (InputStream in = Files.newInputStream(Path.of("openapi/casegrid.yaml"))) {
			spec = new Yaml().load(in);
		}
		Set<String> unbounded = new TreeSet<>();
		Set<String> seen = new HashSet<>();
		map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
			if (operation instanceof Map<?, ?> o && o.get("responses") instanceof Map<?, ?> responses) {
				responses.forEach((status, response) -> walk(spec, response, method + " " + path + " " + status,
						unbounded, seen));
			}
		}));

		assertThat(unbounded).as("arrays in responses without maxItems").isEmpty();
	}

	private static void walk(Map<String, Object> spec, Object node, String where, Set<String> unbounded,
			Set<String> seen) {
		if (node instanceof Map<?, ?> schema) {
			if (schema.get("$ref") instanceof String ref) {
				if (seen.add(ref)) {
					walk(spec, lookup(spec, ref), ref.substring(ref.lastIndexOf('/') + 1), unbounded, seen);
				}
				return;
			}
			if ("array".equals(schema.get("type")) && !schema.containsKey("maxItems")) {
				unbounded.add(where);
			}
			schema.forEach((key, value) -> {
				if (!"example".equals(key) && !"examples".equals(key)) {
					walk(spec, value, where + "." + key, unbounded, seen);
				}
			});
		}
		else if (node instanceof Iterable<?> list) {
			list.forEach(element -> walk(spec, element, where, unbounded, seen));
		}
	}

	private static Object lookup(Map<String, Object> spec, String ref) {
		Object node = spec;
		for (String part : ref.substring(2).split("/")) {
			node = map(node).get(part);
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

}
