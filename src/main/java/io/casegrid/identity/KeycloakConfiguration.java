package io.casegrid.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Identity comes from an external Keycloak realm when {@code casegrid.keycloak.issuer-uri} is set; otherwise the
 * service starts a real Keycloak from the unpacked distribution with {@code keycloak-realm/} imported, and stops it
 * when the context closes (Ctrl-C stops everything the run command started).
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

	@Bean(destroyMethod = "close")
	@Conditional(NoExternalKeycloakCondition.class)
	KeycloakServer embeddedKeycloak(KeycloakProperties properties) {
		KeycloakProperties.Embedded e = properties.embedded();
		ClassPathResource export = new ClassPathResource("keycloak-realm/" + e.realm() + "-realm.json");
		return new KeycloakServer(new KeycloakServer.Settings(e.home(), e.dataDir(), e.port(), e.realm(), () -> {
			try {
				return export.getInputStream();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException("No realm export " + export.getPath() + " on the classpath", ex);
			}
		}, e.adminUsername(), e.adminPassword(), e.startupTimeout())).start();
	}

	@Bean
	KeycloakEndpoints keycloakEndpoints(KeycloakProperties properties, ObjectProvider<KeycloakServer> embedded) {
		KeycloakServer server = embedded.getIfAvailable();
		return server == null ? KeycloakEndpoints.of(properties.issuerUri())
				: new KeycloakEndpoints(server.issuerUri(), server);
	}

}
