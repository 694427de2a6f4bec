package io.casegrid.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

/**
 * The operations of the REST contract ({@code openapi/casegrid.yaml}) with the roles each declares in
 * {@code x-casegrid-roles}. The service enforces exactly these, read from the same file third-party apps read, so
 * the contract and the access rules cannot drift apart.
 */
public final class ApiOperations {

	/** The contract as the build packages it (see the pom's resources). */
	public static final String CONTRACT = "static/openapi/casegrid.yaml";

	static final String ROLES_EXTENSION = "x-casegrid-roles";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	/** One operation: {@code POST /api/v1/cases} ({@code reportCase}) and who may call it. */
	public record Operation(String operationId, HttpMethod method, String path, Set<Role> roles) {
	}

	private final List<Operation> operations;

	private ApiOperations(List<Operation> operations) {
		this.operations = List.copyOf(operations);
	}

	public static ApiOperations fromContract() {
		try (InputStream in = new ClassPathResource(CONTRACT).getInputStream()) {
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the REST contract " + CONTRACT, ex);
		}
	}

	/** Fails when an operation declares no roles or a role the realm does not have. */
	static ApiOperations parse(InputStream contract) {
		Map<String, Object> spec = new Yaml().load(contract);
		List<Operation> operations = new ArrayList<>();
		map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
			if (!METHODS.contains(method)) {
				return;
			}
			Map<String, Object> operation = map(value);
			String id = String.valueOf(operation.get("operationId"));
			if (!(operation.get(ROLES_EXTENSION) instanceof Collection<?> declared) || declared.isEmpty()) {
				throw new IllegalStateException("Operation " + id + " (" + method.toUpperCase() + " " + path
						+ ") of the REST contract declares no " + ROLES_EXTENSION);
			}
			Set<Role> roles = new LinkedHashSet<>();
			for (Object name : declared) {
				roles.add(Role.fromToken(String.valueOf(name))
					.orElseThrow(() -> new IllegalStateException(
							"Operation " + id + " declares an unknown role '" + name + "' in " + ROLES_EXTENSION)));
			}
			operations.add(new Operation(id, HttpMethod.valueOf(method.toUpperCase()), path, Set.copyOf(roles)));
		}));
		return new ApiOperations(operations);
	}

	public List<Operation> all() {
		return operations;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

}
