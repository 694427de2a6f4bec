package io.casegrid.identity;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to go and how to sign in, once it and its Keycloak are ready. */
@Component
class ReadyBanner {

	private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

	private final KeycloakEndpoints keycloak;

	ReadyBanner(KeycloakEndpoints keycloak) {
		this.keycloak = keycloak;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		Environment env = event.getApplicationContext().getEnvironment();
		int port = web.getWebServer().getPort();
		String base = "http://localhost:" + port;
		String database = env.getProperty("spring.datasource.url");
		if (database == null || database.isBlank()) {
			database = "embedded PostgreSQL 17, data in "
					+ env.getProperty("casegrid.embedded-postgres.data-dir") + " (port "
					+ env.getProperty("casegrid.embedded-postgres.port") + ")";
		}
		String identity = identity(env);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		log.info("""

				  casegrid is ready in {} ms
				    REST API      {}/api/v1/cases   (Authorization: Bearer <token from Keycloak>)
				    Swagger UI    {}/swagger-ui.html   (contract: {}/openapi/casegrid.yaml)
				    Cockpit       {}/camunda/app/cockpit/   Tasklist {}/camunda/app/tasklist/   Admin {}/camunda/app/admin/
				    Engine REST   {}/engine-rest   (designers read, deployers deploy, administrators; bearer or basic)
				    Database      {}
				{}""", uptime, base, base, base, base, base, base, base, database, identity);
	}

	private String identity(Environment env) {
		try {
			keycloak.awaitReady();
		}
		catch (RuntimeException ex) {
			return "    Keycloak      " + keycloak.issuer() + "   NOT REACHABLE: " + ex.getMessage() + "\n";
		}
		if (!keycloak.isEmbedded()) {
			return "    Keycloak      " + keycloak.issuer() + "   (external)\n";
		}
		return """
				    Keycloak      %s   (started by casegrid, store in %s)
				    Admin console %s/admin/   login %s / %s   (demo only)
				    Demo logins   password demo (demo only; see README): grid-dg1 网格员, dispatcher-cg 乡街调度,
				                  centre 县综治中心, mediator-dg 调解员, officer-cg 部门, designer, admin, …
				    Token         curl -d grant_type=password -d client_id=casegrid-cli -d username=centre -d password=demo \\
				                    %s/protocol/openid-connect/token
				""".formatted(keycloak.issuer(), env.getProperty("casegrid.keycloak.embedded.data-dir"),
				keycloak.serverUrl(), env.getProperty("casegrid.keycloak.embedded.admin-username"),
				env.getProperty("casegrid.keycloak.embedded.admin-password"), keycloak.issuer());
	}

}
