package io.casegrid.config;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code CASEGRID_LOG_FORMAT=json} (or {@code casegrid.log-format}) writes the console log as one JSON object per line
 * (Spring Boot's structured logging, Elastic Common Schema), for a log shipper; {@code ecs}, {@code logstash} and
 * {@code gelf} pick the schema; {@code plain}, the default, keeps the human-readable lines. Runs before the logging
 * system is set up.
 */
public class StructuredLogs implements EnvironmentPostProcessor {

	private static final Map<String, String> FORMATS = Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash",
			"gelf", "gelf");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String setting = environment.getProperty("casegrid.log-format", "plain").trim().toLowerCase(Locale.ROOT);
		if (setting.isEmpty() || setting.equals("plain")) {
			return;
		}
		String format = FORMATS.get(setting);
		if (format == null) {
			throw new IllegalArgumentException("Unknown log format casegrid.log-format (CASEGRID_LOG_FORMAT) = " + setting
					+ "; one of plain, json, ecs, logstash, gelf");
		}
		if (!environment.containsProperty("logging.structured.format.console")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("casegrid-log-format", Map.of("logging.structured.format.console", format)));
		}
	}

}
