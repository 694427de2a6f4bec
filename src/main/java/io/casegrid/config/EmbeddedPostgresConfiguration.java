package io.casegrid.config;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 from Maven artifacts when {@code spring.datasource.url} is not set, so the service
 * runs on a bare machine. Unlike zonky's test defaults, the cluster keeps its data across restarts and runs with
 * {@code fsync=on} and {@code synchronous_commit=on}: an acknowledged case must survive a power cut. The service
 * reaches it through the same pooled HikariCP DataSource it would use for an external database.
 */
@Configuration(proxyBeanMethods = false)
// Spring stops the server when the context closes, after the engine and the pool are done with it
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		var dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		OrphanedPostmaster.stopIfRunning(dataDir);
		var builder = EmbeddedPostgres.builder();
		properties.settings().forEach(builder::setServerConfig);
		try {
			return start(builder, dataDir, properties);
		}
		catch (RuntimeException | ExceptionInInitializerError ex) {
			if (noBinariesForThisPlatform(ex)) {
				throw new IllegalStateException("No embedded PostgreSQL for this platform (" + System.getProperty("os.name")
						+ " " + System.getProperty("os.arch") + "): the build brings binaries for Linux and macOS on x86-64 "
						+ "and arm64 only (Maven profiles postgres-*). Use an external PostgreSQL here "
						+ "(SPRING_DATASOURCE_URL); on Windows, run casegrid in WSL 2.", ex);
			}
			throw ex;
		}
	}

	private static boolean noBinariesForThisPlatform(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (String.valueOf(t.getMessage()).contains("Missing embedded postgres binaries")) {
				return true;
			}
		}
		return false;
	}

	private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, java.nio.file.Path dataDir,
			EmbeddedPostgresProperties properties) throws IOException {
		return builder.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(properties.port())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

}
