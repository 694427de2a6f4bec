package io.casegrid.security;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.casegrid.identity.TestKeycloak;

/**
 * A user created in the tests' Keycloak realm for one test (password {@code demo}, as the demo users), so that a test
 * can disable it or give it roles no demo user has without touching the demo users. Closing deletes it.
 */
final class ThrowawayUser implements AutoCloseable {

	final String username;

	private final String id;

	private ThrowawayUser(String username, String id) {
		this.username = username;
		this.id = id;
	}

	static ThrowawayUser withRealmRoles(String... roles) {
		String username = "tmp" + UUID.randomUUID().toString().substring(0, 8);
		try (Keycloak admin = TestKeycloak.admin()) {
			RealmResource realm = admin.realm(TestKeycloak.REALM);
			UserRepresentation user = new UserRepresentation();
			user.setUsername(username);
			user.setEnabled(true);
			user.setEmailVerified(true);
			user.setEmail(username + "@casegrid.example");
			user.setFirstName("临时");
			user.setLastName("测试");
			CredentialRepresentation password = new CredentialRepresentation();
			password.setType(CredentialRepresentation.PASSWORD);
			password.setValue("demo");
			password.setTemporary(false);
			user.setCredentials(List.of(password));
			String id;
			try (Response created = realm.users().create(user)) {
				if (created.getStatus() != 201) {
					throw new IllegalStateException("Keycloak did not create " + username + ": " + created.getStatus());
				}
				String location = created.getLocation().getPath();
				id = location.substring(location.lastIndexOf('/') + 1);
			}
			List<RoleRepresentation> realmRoles = List.of(roles)
				.stream()
				.map(role -> realm.roles().get(role).toRepresentation())
				.toList();
			realm.users().get(id).roles().realmLevel().add(realmRoles);
			return new ThrowawayUser(username, id);
		}
	}

	void setEnabled(boolean enabled) {
		try (Keycloak admin = TestKeycloak.admin()) {
			var user = admin.realm(TestKeycloak.REALM).users().get(id);
			UserRepresentation representation = user.toRepresentation();
			representation.setEnabled(enabled);
			user.update(representation);
		}
	}

	@Override
	public void close() {
		try (Keycloak admin = TestKeycloak.admin()) {
			admin.realm(TestKeycloak.REALM).users().delete(id).close();
		}
	}

}
