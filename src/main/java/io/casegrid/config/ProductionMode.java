package io.casegrid.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Production mode ({@code CASEGRID_MODE=production}, or the Spring profile {@code production}) fails closed: before
 * anything is started (database, Keycloak, engine), it refuses a configuration that carries what only a demo may
 * have — the committed client secrets, the embedded dev-mode Keycloak with {@code admin/admin} and the realm's demo
 * users, the demo county's data. Every problem is named at once, so one look at the log fixes them all.
 */
public class ProductionMode implements EnvironmentPostProcessor, Ordered {

	static final String REALM_EXPORT = "keycloak-realm/casegrid-realm.json";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty("casegrid.mode", "demo").trim();
		if (!mode.equals("demo") && !mode.equals("production")) {
			throw new IllegalArgumentException("casegrid.mode (CASEGRID_MODE) is '" + mode + "': demo or production");
		}
		if (!isOn(environment)) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new ProductionModeRefusal(problems);
		}
	}

	/** After the configuration files and every other post-processor: what the service would really run with. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	public static boolean isOn(Environment environment) {
		return "production".equals(environment.getProperty("casegrid.mode", "demo").trim())
				|| environment.acceptsProfiles(Profiles.of("production"));
	}

	/** What stands between this configuration and a production start; empty when nothing does. */
	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		String secret = environment.getProperty("casegrid.keycloak.client-secret", "");
		if (!StringUtils.hasText(secret)) {
			problems.add("no client secret for the service (set CASEGRID_KEYCLOAK_CLIENT_SECRET)");
		}
		else if (committedSecrets().contains(secret.trim())) {
			problems.add("the service's client secret (CASEGRID_KEYCLOAK_CLIENT_SECRET) is a demo secret committed in "
					+ REALM_EXPORT + "; regenerate it in Keycloak (Clients → casegrid-api → Credentials)");
		}
		if (!StringUtils.hasText(environment.getProperty("casegrid.keycloak.issuer-uri"))) {
			problems.add("no external Keycloak (CASEGRID_KEYCLOAK_ISSUER_URI): the service would start its embedded "
					+ "Keycloak in dev mode (kc.sh start-dev, H2 store)");
			if ("admin".equals(environment.getProperty("casegrid.keycloak.embedded.admin-password"))) {
				problems.add("the Keycloak administrator's password is 'admin' (CASEGRID_KEYCLOAK_ADMIN_PASSWORD)");
			}
			problems.add("the embedded Keycloak would import " + REALM_EXPORT
					+ " with its demo users (password 'demo')");
		}
		String locations = environment.getProperty("spring.flyway.locations", "");
		if (locations.contains("db/demo")) {
			problems.add("the demo county's data would be loaded (spring.flyway.locations includes db/demo: "
					+ locations + ")");
		}
		return problems;
	}

	/** Every client secret the realm export commits (the demo's). */
	static Set<String> committedSecrets() {
		Set<String> secrets = new TreeSet<>(Set.of("casegrid-api-demo-secret"));
		realmExport().path("clients").forEach(client -> {
			if (client.hasNonNull("secret")) {
				secrets.add(client.get("secret").asText());
			}
		});
		return secrets;
	}

	/** The demo users of the realm export (its people; the clients' service accounts are not demo users). */
	public static Set<String> demoUsernames() {
		Set<String> usernames = new TreeSet<>();
		realmExport().path("users").forEach(user -> {
			if (!user.hasNonNull("serviceAccountClientId")) {
				usernames.add(user.get("username").asText());
			}
		});
		return usernames;
	}

	private static JsonNode realmExport() {
		try (InputStream in = new ClassPathResource(REALM_EXPORT).getInputStream()) {
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + REALM_EXPORT + " to know what the demo has", ex);
		}
	}

}
