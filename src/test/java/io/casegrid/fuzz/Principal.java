package io.casegrid.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.DemoUsers;
import io.casegrid.identity.TestKeycloak;

/**
 * Who the fuzzer acts as: demo users with broad and with narrow rights, so most requests get past authorization to
 * validation and some are refused by it.
 */
public record Principal(String name, Set<String> roles, Supplier<String> authorization) {

	/** Where a caller's bearer token comes from: a demo user's password grant, or an app's client credentials. */
	public interface Tokens {

		String user(String username);

		String client(String clientId, String secret);

	}

	static List<Principal> demo() {
		return List.of(user(DemoUsers.CENTRE, "county-centre"), user(DemoUsers.ADMIN, "admin"),
				user(DemoUsers.DISPATCHER_CHENGGUAN, "township-dispatcher"),
				user(DemoUsers.OFFICER_URBAN_MANAGEMENT, "department-officer"),
				user(DemoUsers.MEDIATOR_DONGGUAN, "village-mediator"), user(DemoUsers.GRID_WORKER_DONGGUAN_1, "grid-worker"),
				user(DemoUsers.AUDITOR, "auditor"),
				new Principal(DemoUsers.THIRD_PARTY_APP, Set.of("case-reporter", "feedback-channel"),
						() -> "Bearer " + TestKeycloak.tokenForClient(DemoUsers.THIRD_PARTY_APP,
								DemoUsers.THIRD_PARTY_APP_SECRET)));
	}

	/**
	 * Every user and every app (client with a service account and realm roles) of a realm file, with its realm roles:
	 * all roles there are, for a long run.
	 */
	public static List<Principal> everyoneIn(Path realmFile, Tokens tokens) {
		JsonNode realm;
		try {
			realm = new ObjectMapper().readTree(realmFile.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> secrets = new java.util.HashMap<>();
		realm.path("clients").forEach(c -> secrets.put(c.path("clientId").asText(), c.path("secret").asText(null)));
		List<Principal> everyone = new ArrayList<>();
		for (JsonNode user : realm.path("users")) {
			Set<String> roles = new HashSet<>();
			user.path("realmRoles").forEach(r -> roles.add(r.asText()));
			String client = user.path("serviceAccountClientId").asText(null);
			if (roles.isEmpty()) {
				continue;
			}
			if (client == null) {
				String name = user.path("username").asText();
				everyone.add(new Principal(name, Set.copyOf(roles), () -> "Bearer " + tokens.user(name)));
			}
			else {
				String secret = secrets.get(client);
				everyone.add(new Principal(client, Set.copyOf(roles), () -> "Bearer " + tokens.client(client, secret)));
			}
		}
		return everyone;
	}

	/** Callers without a valid token: none, a forged one, a wrong scheme. */
	static List<Principal> invalid() {
		return List.of(new Principal("anonymous", Set.of(), () -> null),
				new Principal("forged-token", Set.of(), () -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
				new Principal("basic-auth", Set.of(), () -> "Basic YWRtaW46YWRtaW4="),
				new Principal("empty-bearer", Set.of(), () -> "Bearer "));
	}

	boolean mayCall(ContractOperation operation) {
		return roles.stream().anyMatch(operation.roles()::contains);
	}

	private static Principal user(String username, String role) {
		return new Principal(username, Set.of(role), () -> "Bearer " + TestKeycloak.tokenFor(username));
	}

}
