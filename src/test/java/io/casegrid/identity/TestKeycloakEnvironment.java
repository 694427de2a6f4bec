package io.casegrid.identity;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring context of the test JVM at the one {@link TestKeycloak}, so that contexts do not each start
 * their own. A test that wants the service to start its own Keycloak (as the run command does) passes
 * {@code --casegrid.test.own-keycloak=true}.
 */
class TestKeycloakEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("casegrid.test.own-keycloak", Boolean.class, false)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test-keycloak",
					Map.of("casegrid.keycloak.issuer-uri", TestKeycloak.started().issuerUri())));
	}

}
