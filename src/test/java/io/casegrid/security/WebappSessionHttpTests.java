package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A webapp session lasts only as long as Keycloak keeps its user (re-checked every
 * {@code casegrid.webapp.recheck-interval}, 2 s in tests), and only {@code POST /logout} ends it.
 */
@HttpTest
class WebappSessionHttpTests {

	/** Any read through Cockpit's engine API. */
	private static final String READ = "/camunda/api/engine/engine/default/process-definition/count";

	@LocalServerPort
	int port;

	@Value("${casegrid.webapp.recheck-interval}")
	Duration recheckInterval;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void aUserDisabledInKeycloakLosesTheirCockpitSessionAtTheNextCheck() throws Exception {
		try (ThrowawayUser user = ThrowawayUser.withRealmRoles(Role.SUPERVISOR.tokenName())) {
			WebappBrowser browser = WebappBrowser.signedIn(port, user.username);
			assertThat(browser.get(READ).statusCode()).isEqualTo(200);

			user.setEnabled(false);
			Thread.sleep(recheckInterval.plusMillis(500).toMillis());

			assertThat(browser.get(READ).statusCode()).isEqualTo(401);
			assertThat(browser.get("/camunda/api/engine/engine/default/process-definition").statusCode())
				.isEqualTo(401);
		}
	}

	@Test
	void aUserKeycloakStillAcceptsKeepsTheirSessionPastTheCheck() throws Exception {
		try (ThrowawayUser user = ThrowawayUser.withRealmRoles(Role.SUPERVISOR.tokenName())) {
			WebappBrowser browser = WebappBrowser.signedIn(port, user.username);
			assertThat(browser.get(READ).statusCode()).isEqualTo(200);

			Thread.sleep(recheckInterval.plusMillis(500).toMillis());

			assertThat(browser.get(READ).statusCode()).isEqualTo(200);
			Thread.sleep(recheckInterval.plusMillis(500).toMillis());
			assertThat(browser.get(READ).statusCode()).as("the refreshed token is refreshed again").isEqualTo(200);
		}
	}

	@Test
	void aLinkToGetLogoutDoesNotSignAnyoneOut() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.AUDITOR);

		browser.plain("GET", "/logout");

		assertThat(browser.get(READ).statusCode()).isEqualTo(200);
	}

	@Test
	void postLogoutSignsOut() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.AUDITOR);

		browser.plain("POST", "/logout");

		assertThat(browser.get(READ).statusCode()).isEqualTo(401);
	}

}
