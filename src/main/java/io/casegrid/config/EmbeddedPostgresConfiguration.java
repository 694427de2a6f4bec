package io.casegrid.config;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL 17 from Maven artifacts when {@code spring.datasource.url} is not set, so the service
 * runs on a bare machine. Unlike zonky's test defaults, the cluster keeps its data across restarts and runs with
 * {@code fsync=on} and {@code synchronous_commit=on}: an acknowledged case must survive a power cut. The service
 * reaches it through the same pooled HikariCP DataSource it would use for an external database.
 * <p>
 * The server starts before any bean is created and comes up alongside them; the pool's first connection (Flyway's)
 * waits for it. Spring stops it when the context closes, after the engine and the pool are done with it (the
 * DataSource depends on it).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	static final String BEAN = "embeddedPostgres";

	@Bean
	static BeanFactoryPostProcessor embeddedPostgresStarter(Environment environment) {
		return beanFactory -> {
			EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(Binder.get(environment)
				.bindOrCreate("casegrid.embedded-postgres", EmbeddedPostgresProperties.class));
			beanFactory.registerSingleton(BEAN, start);
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN, start::close);
		};
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresStart postgres) {
		AwaitingDataSource dataSource = DataSourceBuilder.create()
			.type(AwaitingDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.jdbcUrl())
			.username("postgres")
			.build();
		dataSource.postgres = postgres;
		return dataSource;
	}

	/** The pool, whose first connection waits until the embedded server is up. */
	static class AwaitingDataSource extends HikariDataSource {

		private volatile EmbeddedPostgresStart postgres;

		@Override
		public Connection getConnection() throws SQLException {
			EmbeddedPostgresStart starting = postgres;
			if (starting != null) {
				starting.await();
				postgres = null;
			}
			return super.getConnection();
		}

	}

}
