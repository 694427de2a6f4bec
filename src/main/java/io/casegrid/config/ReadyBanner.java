package io.casegrid.config;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to go, once it is ready. */
@Component
class ReadyBanner {

	private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

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
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		log.info("""

				  casegrid is ready in {} ms
				    REST API      {}/api/v1/cases
				    Swagger UI    {}/swagger-ui.html   (contract: {}/openapi/casegrid.yaml)
				    Cockpit       {}/camunda/app/cockpit/   Tasklist {}/camunda/app/tasklist/   Admin {}/camunda/app/admin/
				    Camunda login {} / {}   (demo only; set camunda.bpm.admin-user.* to change)
				    Engine REST   {}/engine-rest
				    Database      {}
				""", uptime, base, base, base, base, base, base, env.getProperty("camunda.bpm.admin-user.id"),
				env.getProperty("camunda.bpm.admin-user.password"), base, database);
	}

}
