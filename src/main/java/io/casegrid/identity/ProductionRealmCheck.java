package io.casegrid.identity;

import java.util.List;

import io.casegrid.config.ProductionMode;
import io.casegrid.config.ProductionModeRefusal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production mode, the external realm must not hold the demo users of {@code keycloak-realm/casegrid-realm.json}
 * (password {@code demo}; all but {@code admin}, a name every deployment has): checked once the beans exist and before the service takes work, through the service's own
 * directory account. A realm that cannot be asked is refused too: production mode fails closed.
 */
@Component
class ProductionRealmCheck implements SmartInitializingSingleton {

	/** Every deployment keeps an account of this name (camunda.bpm.admin-user): its password is checked by nobody. */
	private static final String CAMUNDA_ADMINISTRATOR = "admin";

	private final Environment environment;

	private final KeycloakDirectory directory;

	private final KeycloakEndpoints keycloak;

	ProductionRealmCheck(Environment environment, KeycloakDirectory directory, KeycloakEndpoints keycloak) {
		this.environment = environment;
		this.directory = directory;
		this.keycloak = keycloak;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!ProductionMode.isOn(environment)) {
			return;
		}
		List<String> present;
		try {
			present = directory.enabledAccounts(ProductionMode.demoUsernames()
				.stream()
				.filter(name -> !name.equals(CAMUNDA_ADMINISTRATOR))
				.toList());
		}
		catch (RuntimeException ex) {
			throw new ProductionModeRefusal(List.of("could not check realm " + keycloak.issuer()
					+ " for demo users with the service's account (" + ex + ")"));
		}
		if (!present.isEmpty()) {
			throw new ProductionModeRefusal(List.of("realm " + keycloak.issuer() + " holds demo users (password 'demo'): "
					+ String.join(", ", present) + "; delete or disable them"));
		}
	}

}
