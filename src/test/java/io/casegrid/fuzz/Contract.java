package io.casegrid.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * The operations of {@code openapi/casegrid.yaml} with their parameters and body schemas, {@code $ref}s resolved, so
 * the fuzzer covers an operation the moment it is written into the contract.
 */
public final class Contract {

	private final Map<String, Object> spec;

	private Contract(Map<String, Object> spec) {
		this.spec = spec;
	}

	public static Contract read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new Contract(new Yaml().load(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<ContractOperation> operations() {
		List<ContractOperation> operations = new ArrayList<>();
		map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, o) -> {
			if (o instanceof Map<?, ?> operation && operation.containsKey("operationId")) {
				operations.add(operation(path, method, map(operation)));
			}
		}));
		return operations;
	}

	/** The schema with a top-level {@code $ref} followed; nested schemas are resolved when they are used. */
	Map<String, Object> resolve(Object schema) {
		Map<String, Object> resolved = map(schema);
		while (resolved.get("$ref") instanceof String ref) {
			resolved = lookup(ref);
		}
		return resolved;
	}

	private ContractOperation operation(String path, String method, Map<String, Object> operation) {
		List<ContractOperation.Parameter> parameters = new ArrayList<>();
		for (Object p : list(operation.get("parameters"))) {
			Map<String, Object> parameter = resolve(p);
			parameters.add(new ContractOperation.Parameter(String.valueOf(parameter.get("name")),
					String.valueOf(parameter.get("in")), Boolean.TRUE.equals(parameter.get("required")),
					resolve(parameter.get("schema"))));
		}
		Map<String, Object> body = null;
		if (operation.get("requestBody") != null) {
			Map<String, Object> content = map(resolve(operation.get("requestBody")).get("content"));
			body = resolve(map(content.get("application/json")).get("schema"));
		}
		Object roles = operation.get("x-casegrid-roles");
		return new ContractOperation(String.valueOf(operation.get("operationId")), method.toUpperCase(), path,
				roles instanceof Collection<?> c ? Set.copyOf(c.stream().map(String::valueOf).toList()) : Set.of(),
				parameters, body);
	}

	private Map<String, Object> lookup(String ref) {
		Object node = spec;
		for (String part : ref.substring(2).split("/")) {
			node = map(node).get(part);
		}
		return map(node);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object o) {
		return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	static List<Object> list(Object o) {
		return o instanceof List<?> l ? List.copyOf(l) : List.of();
	}

}
