package io.casegrid.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * Identity comes from an external Keycloak realm when {@code casegrid.keycloak.issuer-uri} is set; otherwise the
 * service starts a real Keycloak from the unpacked distribution with {@code keycloak-realm/} imported, and stops it
 * when the context closes (Ctrl-C stops everything the run command started).
 * <p>
 * Keycloak takes longer to start than anything else, so it is launched before any bean is created and comes up
 * alongside the whole context; only what talks to it waits for it (readiness, the sign-in checks at start-up).
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

	static final String EMBEDDED = "embeddedKeycloak";

	@Bean
	@Conditional(NoExternalKeycloakCondition.class)
	static BeanFactoryPostProcessor embeddedKeycloakStarter(Environment environment) {
		return beanFactory -> {
			KeycloakServer server = embedded(Binder.get(environment)
				.bindOrCreate("casegrid.keycloak", KeycloakProperties.class)
				.embedded()).start();
			beanFactory.registerSingleton(EMBEDDED, server);
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(EMBEDDED, server::close);
		};
	}

	private static KeycloakServer embedded(KeycloakProperties.Embedded e) {
		ClassPathResource export = new ClassPathResource("keycloak-realm/" + e.realm() + "-realm.json");
		return new KeycloakServer(new KeycloakServer.Settings(e.home(), e.dataDir(), e.port(), e.realm(), () -> {
			try {
				return export.getInputStream();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException("No realm export " + export.getPath() + " on the classpath", ex);
			}
		}, e.adminUsername(), e.adminPassword(), e.startupTimeout()));
	}

	@Bean
	KeycloakEndpoints keycloakEndpoints(KeycloakProperties properties, ObjectProvider<KeycloakServer> embedded) {
		KeycloakServer server = embedded.getIfAvailable();
		return server == null ? KeycloakEndpoints.of(properties.issuerUri())
				: new KeycloakEndpoints(server.issuerUri(), server);
	}

}
