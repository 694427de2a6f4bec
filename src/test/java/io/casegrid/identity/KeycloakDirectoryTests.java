package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;

import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;

import org.springframework.beans.factory.annotation.Autowired;

/** The directory look-ups and the start-up check, against the tests' real Keycloak with the demo realm. */
@HttpTest
class KeycloakDirectoryTests {

	@Autowired
	KeycloakDirectory directory;

	@Autowired
	RealmOrgTreeCheck check;

	@Test
	void findsThePeopleOfAUnitWhoHoldARole() {
		assertThat(directory.members(DemoCounty.VILLAGE_DONGGUAN, "village-mediator"))
			.extracting(KeycloakDirectory.Person::username)
			.containsExactly(DemoUsers.MEDIATOR_DONGGUAN);
		assertThat(directory.members(DemoCounty.TOWNSHIP_CHENGGUAN, "police-chief"))
			.containsExactly(new KeycloakDirectory.Person(DemoUsers.POLICE_CHIEF_CHENGGUAN, "冯军", "police-cg@casegrid.example"));
		assertThat(directory.members(DemoCounty.GRID_DONGGUAN_1, "grid-worker"))
			.extracting(KeycloakDirectory.Person::username)
			.containsExactly(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(directory.members(DemoCounty.VILLAGE_DONGGUAN, "grid-worker"))
			.as("members of the village's grids are not members of the village")
			.isEmpty();
		assertThat(directory.members("000000", "grid-worker")).isEmpty();
	}

	@Test
	void realmOfTheDemoCountyMatchesTheOrgTree() {
		assertThat(directory.groups()).hasSizeGreaterThan(20);
		assertThat(check.check().differences()).isEmpty();
	}

	@Test
	void aGroupTheOrgTreeDoesNotKnowIsReported() {
		try (Keycloak admin = TestKeycloak.admin()) {
			var groups = admin.realm(TestKeycloak.REALM).groups();
			GroupRepresentation stray = new GroupRepresentation();
			stray.setName("测试开发区");
			stray.setAttributes(Map.of(KeycloakDirectory.ORG_CODE, List.of("149999")));
			groups.add(stray).close();
			try {
				assertThat(check.check().differences()).singleElement()
					.asString()
					.contains("/测试开发区", "149999", "does not know");
			}
			finally {
				groups.groups("测试开发区", 0, 10).forEach(g -> groups.group(g.getId()).remove());
			}
		}
	}

}
