package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.CasegridApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With {@code spring.datasource.url} set, the service uses that database and starts no embedded server. */
class ExternalDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void externalDatasourceReplacesTheEmbeddedServer() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
			String url = external.getJdbcUrl("postgres", "postgres");
			try (var context = new SpringApplicationBuilder(CasegridApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--camunda.bpm.process-engine-name=externalDatabaseTest", "--camunda.bpm.webapp.enabled=false",
					"--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false")) {
				assertThat(context.getBeanNamesForType(EmbeddedPostgresStart.class)).isEmpty();
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getJdbcUrl()).isEqualTo(url);
				long units = context.getBean(JdbcClient.class)
					.sql("SELECT count(*) FROM org_unit")
					.query(Long.class)
					.single();
				assertThat(units).as("migrated the external database").isGreaterThan(10);
			}
		}
	}

}
