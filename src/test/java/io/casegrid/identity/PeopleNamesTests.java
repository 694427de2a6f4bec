package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.MovableClock;

import org.springframework.beans.factory.annotation.Autowired;

/** People's names from the tests' real Keycloak: by login id, none for apps, kept for a while, then read again. */
@HttpTest
class PeopleNamesTests {

	@Autowired
	KeycloakDirectory directory;

	@Autowired
	PeopleNames names;

	@Test
	void aPersonIsNamedFamilyNameFirstAndAnAppOrUnknownIdHasNoName() {
		assertThat(names.of(DemoUsers.DISPATCHER_CHENGGUAN)).contains("卫东");
		assertThat(names.of(DemoUsers.HOTLINE)).isEmpty();
		assertThat(names.of("no-such-user")).isEmpty();
	}

	@Test
	void aNameIsKeptUntilItsTimeIsUpThenReadAgainFromTheDirectory() {
		MovableClock clock = new MovableClock();
		PeopleNames kept = new PeopleNames(directory, clock);
		assertThat(kept.of(DemoUsers.AUDITOR)).contains("许宁");

		try (Keycloak admin = TestKeycloak.admin()) {
			UserResource auditor = admin.realm(TestKeycloak.REALM)
				.users()
				.get(admin.realm(TestKeycloak.REALM).users().searchByUsername(DemoUsers.AUDITOR, true).get(0).getId());
			UserRepresentation renamed = auditor.toRepresentation();
			renamed.setFirstName("宁宁");
			auditor.update(renamed);
			try {
				clock.move(PeopleNames.KEEP.minusSeconds(1));
				assertThat(kept.of(DemoUsers.AUDITOR)).as("still kept").contains("许宁");

				clock.move(java.time.Duration.ofSeconds(2));
				assertThat(kept.of(DemoUsers.AUDITOR)).as("read again").contains("许宁宁");
			}
			finally {
				renamed.setFirstName("宁");
				auditor.update(renamed);
			}
		}
	}

}
