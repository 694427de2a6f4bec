package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up (docs/performance.md): the embedded PostgreSQL starts before the context creates its first bean and comes
 * up alongside them; the pool's first connection waits for it; it stops with the context, after the pool.
 */
class EmbeddedPostgresStartTests {

	@TempDir
	Path dataDir;

	@Test
	void postgresStartsBeforeTheFirstBeanAndThePoolsFirstConnectionWaitsForIt() throws Exception {
		int port;
		try (var context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues
				.of("casegrid.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
						"casegrid.embedded-postgres.port=0")
				.applyTo(context);
			context.register(Properties.class, FirstBean.class, EmbeddedPostgresConfiguration.class);
			context.refresh();
			assertThat(context.getBean(FirstBean.class).postgresStarting)
				.as("PostgreSQL starting when the first bean was created")
				.isTrue();
			var start = context.getBean(EmbeddedPostgresStart.class);
			// the first connection: a fresh cluster (initdb) is still starting when it is asked for
			assertThat(JdbcClient.create(context.getBean(DataSource.class)).sql("SHOW fsync").query(String.class).single())
				.isEqualTo("on");
			port = start.await().getPort();
			assertThat(listening(port)).isTrue();
		}
		assertThat(listening(port)).as("stopped with the context").isFalse();
	}

	@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
	static class Properties {

	}

	static class FirstBean {

		final boolean postgresStarting;

		FirstBean(ConfigurableListableBeanFactory beans) {
			postgresStarting = beans.containsSingleton(EmbeddedPostgresConfiguration.BEAN);
		}

	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
