package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** {@code CASEGRID_LOG_FORMAT=json}: every console line is one JSON object; the default stays plain text. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

	@Test
	void logFormatJsonWritesEachLogLineAsOneJsonObject(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("--casegrid.log-format=json")) {
			LoggerFactory.getLogger(StructuredLogsTests.class).info("案件 structured {}", 42);
		}
		finally {
			// Spring Boot keeps the format in a system property for Logback; the next contexts of this JVM log plain
			System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
			start("--casegrid.log-format=plain").close();
		}
		List<String> lines = output.getOut().lines().filter(l -> l.contains("案件 structured 42")).toList();
		assertThat(lines).hasSize(1);
		JsonNode line = new ObjectMapper().readTree(lines.get(0));
		assertThat(line.path("message").asText()).isEqualTo("案件 structured 42");
		assertThat(line.has("@timestamp")).isTrue();
		assertThat(line.toString()).contains("INFO").contains(StructuredLogsTests.class.getName());
	}

	@Test
	void plainLogLinesAreNotJson(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--casegrid.log-format=plain")) {
			LoggerFactory.getLogger(StructuredLogsTests.class).info("案件 plain");
		}
		assertThat(output.getOut().lines().filter(l -> l.contains("案件 plain")).toList()).singleElement()
			.asString()
			.doesNotStartWith("{");
	}

	/** Only the logging set-up of a Spring application: no database, no Keycloak. */
	private static ConfigurableApplicationContext start(String format) {
		return new SpringApplicationBuilder(NothingElse.class).web(WebApplicationType.NONE)
			.run(format, "--casegrid.test.own-keycloak=true", "--spring.main.banner-mode=off");
	}

	@Configuration(proxyBeanMethods = false)
	static class NothingElse {

	}

}
