package io.casegrid.identity;

import java.util.List;

import io.casegrid.org.OrgDirectory;
import io.casegrid.org.OrgUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, checks that the Keycloak realm's groups mirror the org tree in {@code org_unit}, and says clearly in
 * the log what differs. It runs in the background once the service is ready and does not stop it: a realm edited by
 * hand is common, and the API stays safe — people of a missing group simply see nothing.
 */
@Component
class RealmOrgTreeCheck {

	private static final Logger log = LoggerFactory.getLogger(RealmOrgTreeCheck.class);

	private final KeycloakDirectory directory;

	private final OrgDirectory org;

	private final KeycloakEndpoints keycloak;

	RealmOrgTreeCheck(KeycloakDirectory directory, OrgDirectory org, KeycloakEndpoints keycloak) {
		this.directory = directory;
		this.org = org;
		this.keycloak = keycloak;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		Thread background = new Thread(() -> {
			try {
				check();
			}
			catch (RuntimeException ex) {
				log.warn("Could not compare Keycloak realm {} with the org tree: {}", keycloak.issuer(),
						ex.toString());
			}
		}, "realm-org-tree-check");
		background.setDaemon(true);
		background.start();
	}

	OrgTreeComparison check() {
		List<OrgUnit> units = org.tree();
		OrgTreeComparison comparison = OrgTreeComparison.of(units, directory.groups());
		if (comparison.matches()) {
			log.info("Keycloak realm {} matches the org tree ({} units)", keycloak.realm(), units.size());
		}
		else {
			log.warn("""
					Keycloak realm {} does not match the org tree in org_unit ({} differences); people of these units \
					see less than they should until the realm (keycloak-realm/casegrid-realm.json or the admin console) \
					or the org tree is fixed:
					  - {}""", keycloak.realm(), comparison.differences().size(),
					String.join("\n  - ", comparison.differences()));
		}
		return comparison;
	}

}
