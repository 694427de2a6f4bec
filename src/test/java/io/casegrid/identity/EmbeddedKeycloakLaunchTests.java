package io.casegrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Start-up (docs/performance.md): Keycloak, the slowest part to start, is launched before the context creates its
 * first bean, so it comes up alongside the whole context instead of after the beans that happen to come first.
 */
class EmbeddedKeycloakLaunchTests {

	@TempDir
	Path dataDir;

	@Test
	void embeddedKeycloakIsLaunchedBeforeTheFirstBeanIsCreatedAndStoppedWithTheContext() {
		KeycloakServer keycloak;
		try (var context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues
				.of("casegrid.keycloak.embedded.home=" + TestKeycloak.distributionHome(),
						"casegrid.keycloak.embedded.data-dir=" + dataDir, "casegrid.keycloak.embedded.port=0",
						"casegrid.keycloak.embedded.realm=" + TestKeycloak.REALM,
						"casegrid.keycloak.embedded.admin-username=admin",
						"casegrid.keycloak.embedded.admin-password=admin",
						"casegrid.keycloak.embedded.startup-timeout=PT3M")
				.applyTo(context);
			context.register(Properties.class, FirstBean.class, KeycloakConfiguration.class);
			context.refresh();
			keycloak = context.getBean(KeycloakServer.class);
			assertThat(context.getBean(FirstBean.class).keycloakLaunched).as("Keycloak launched when the first bean was created")
				.isTrue();
			assertThat(keycloak.isRunning()).isTrue();
			assertThat(context.getBean(KeycloakEndpoints.class).embeddedServer()).isSameAs(keycloak);
		}
		assertThat(keycloak.isRunning()).as("stopped with the context").isFalse();
	}

	@EnableConfigurationProperties(KeycloakProperties.class)
	static class Properties {

	}

	static class FirstBean {

		final boolean keycloakLaunched;

		FirstBean(ConfigurableListableBeanFactory beans) {
			keycloakLaunched = beans.containsSingleton(KeycloakConfiguration.EMBEDDED);
		}

	}

}
