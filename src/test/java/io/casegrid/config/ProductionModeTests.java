package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

import io.casegrid.CasegridApplication;
import io.casegrid.identity.TestKeycloak;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production mode (issue 10): it refuses to start with what only a demo may have, before starting anything, and
 * starts on a proper realm with no demo data.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTests {

	@TempDir
	Path dataDir;

	@Test
	void productionModeRefusesTheDemoSetupNamingEveryProblemBeforeStartingAnything(CapturedOutput output) {
		Instant start = Instant.now();
		ProductionModeRefusal refusal = catchThrowableOfType(ProductionModeRefusal.class,
				() -> run("--casegrid.mode=production", "--casegrid.test.own-keycloak=true",
						"--spring.flyway.locations=classpath:db/migration,classpath:db/demo"));

		assertThat(refusal.problems()).satisfiesExactlyInAnyOrder(
				p -> assertThat(p).contains("client secret").contains("demo secret"),
				p -> assertThat(p).contains("no external Keycloak").contains("kc.sh start-dev"),
				p -> assertThat(p).contains("administrator's password is 'admin'"),
				p -> assertThat(p).contains("demo users"),
				p -> assertThat(p).contains("demo county's data"));
		assertThat(Duration.between(start, Instant.now())).as("refused before the heavy parts start")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(dataDir.resolve("postgres")).as("no database was started").doesNotExist();
		assertThat(dataDir.resolve("keycloak")).as("no Keycloak was started").doesNotExist();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Production mode (CASEGRID_MODE=production) refuses to start");
	}

	@Test
	void theSpringProfileProductionIsProductionModeToo() {
		ProductionModeRefusal refusal = catchThrowableOfType(ProductionModeRefusal.class,
				() -> run("--spring.profiles.active=production", "--casegrid.test.own-keycloak=true"));

		assertThat(refusal.problems()).anyMatch(p -> p.contains("no external Keycloak"));
		assertThat(refusal.problems()).noneMatch(p -> p.contains("demo county"));
	}

	@Test
	void aModeThatIsNeitherDemoNorProductionIsRefused() {
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> run("--casegrid.mode=prod", "--casegrid.test.own-keycloak=true")))
			.hasMessageContaining("casegrid.mode (CASEGRID_MODE) is 'prod': demo or production");
	}

	@Test
	void anyClientSecretCommittedInTheRealmExportIsRefusedEvenWithAnExternalKeycloak() {
		ProductionModeRefusal refusal = catchThrowableOfType(ProductionModeRefusal.class,
				() -> run("--casegrid.mode=production", "--casegrid.test.own-keycloak=true",
						"--casegrid.keycloak.issuer-uri=https://sso.example.gov.cn/realms/casegrid",
						"--casegrid.keycloak.client-secret=hotline-12345-demo-secret"));

		assertThat(refusal.problems()).singleElement().asString().contains("client secret");
	}

	@Test
	void productionModeRefusesARealmWithADemoUserAndStartsWithoutItLoadingNoDemoData() throws Exception {
		String secret = UUID.randomUUID().toString();
		String realm = productionRealm(secret, "grid-dg1");
		String[] production = { "--casegrid.mode=production", "--casegrid.test.own-keycloak=true",
				"--casegrid.keycloak.issuer-uri=" + TestKeycloak.started().baseUrl() + "/realms/" + realm,
				"--casegrid.keycloak.client-secret=" + secret, "--camunda.bpm.process-engine-name=productionModeTest",
				"--camunda.bpm.job-execution.enabled=false" };

		ProductionModeRefusal refusal = catchThrowableOfType(ProductionModeRefusal.class, () -> run(production));
		assertThat(refusal.problems()).singleElement().asString().contains("holds demo users").contains("grid-dg1");

		try (Keycloak admin = TestKeycloak.admin()) {
			var users = admin.realm(realm).users();
			users.delete(users.searchByUsername("grid-dg1", true).get(0).getId());
		}
		try (var service = run(production)) {
			JdbcClient db = service.getBean(JdbcClient.class);
			assertThat(count(db, "org_unit")).as("demo county").isZero();
			assertThat(count(db, "resident")).as("demo residents").isZero();
			assertThat(count(db, "brand_mediation_room")).as("demo brand mediation rooms").isZero();
			assertThat(count(db, "category")).as("the catalogue case-triage.dmn routes").isEqualTo(35);
			assertThat(db.sql("SELECT version FROM casegrid_schema_history WHERE success ORDER BY installed_rank")
				.query(String.class)
				.list()).as("applied migrations").contains("1", "4", "6", "9").doesNotContain("2");
		}
	}

	private org.springframework.context.ConfigurableApplicationContext run(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--camunda.bpm.webapp.enabled=false", "--casegrid.embedded-postgres.port=0",
				"--casegrid.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
				"--casegrid.keycloak.embedded.data-dir=" + dataDir.resolve("keycloak")));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(CasegridApplication.class).run(all.toArray(String[]::new));
	}

	/**
	 * A copy of the demo realm as a county would keep it: its own secrets, no demo users (service accounts stay) but
	 * those named.
	 */
	private static String productionRealm(String serviceSecret, String... keptDemoUsers) throws Exception {
		RealmRepresentation realm;
		try (InputStream in = new ClassPathResource("keycloak-realm/casegrid-realm.json").getInputStream()) {
			realm = JsonSerialization.readValue(in, RealmRepresentation.class);
		}
		realm.setRealm("casegrid-production-" + UUID.randomUUID().toString().substring(0, 8));
		realm.setUsers(realm.getUsers()
			.stream()
			.filter(u -> u.getServiceAccountClientId() != null || List.of(keptDemoUsers).contains(u.getUsername()))
			.toList());
		realm.getClients().stream().filter(c -> c.getSecret() != null).forEach(c -> c.setSecret(
				c.getClientId().equals("casegrid-api") ? serviceSecret : UUID.randomUUID().toString()));
		try (Keycloak admin = TestKeycloak.admin()) {
			admin.realms().create(realm);
		}
		return realm.getRealm();
	}

	private static long count(JdbcClient db, String table) {
		return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
