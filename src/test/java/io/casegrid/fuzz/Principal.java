package io.casegrid.fuzz;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.casegrid.DemoUsers;
import io.casegrid.identity.TestKeycloak;

/**
 * Who the fuzzer acts as: demo users with broad and with narrow rights, so most requests get past authorization to
 * validation and some are refused by it.
 */
record Principal(String name, Set<String> roles, Supplier<String> authorization) {

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
