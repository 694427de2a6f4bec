package io.casegrid.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The event catalogue is one list: the enum, the contract's {@code EventType} and docs/integration.md agree. */
class EventCatalogueTests {

	private static final List<String> CATALOGUE = Arrays.stream(EventType.values()).map(EventType::wireName).toList();

	@Test
	void theContractListsExactlyTheCataloguesEventTypes() throws Exception {
		try (InputStream in = Files.newInputStream(Path.of("openapi/casegrid.yaml"))) {
			Map<String, Object> spec = new Yaml().load(in);
			List<?> types = (List<?>) at(spec, "components", "schemas", "EventType", "enum");
			assertThat(types.stream().map(String::valueOf).toList()).containsExactlyElementsOf(CATALOGUE);
		}
	}

	@Test
	void theIntegrationGuideDescribesExactlyTheCataloguesEventTypes() throws Exception {
		Matcher rows = Pattern.compile("(?m)^\\| `([a-z-]+\\.[a-z-]+)` \\|").matcher(Files.readString(Path.of("docs/integration.md")));
		List<String> documented = rows.results().map(r -> r.group(1)).toList();
		assertThat(documented).containsExactlyElementsOf(CATALOGUE);
	}

	@Test
	void theIssuesListIsInTheCatalogue() {
		assertThat(CATALOGUE).contains("case.reported", "case.filed", "case.dispatched", "task.assigned",
				"task.signed-for", "case.whistled", "department.acknowledged", "department.returned",
				"jurisdiction.confirmed", "sla.warning", "sla.breached", "case.escalated", "supervision.issued",
				"supervision.replied", "supervision.missed", "emergency.alert", "emergency.re-alert",
				"mediation.level-entered", "mediation.session-recorded", "mediation.settled", "mediation.failed",
				"mediation.agreement-signed", "mediation.confirmation-due", "case.resolved", "evaluation.requested",
				"evaluation.received", "case.redo", "case.archived");
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> map, String... path) {
		Object value = map;
		for (String key : path) {
			value = ((Map<String, Object>) value).get(key);
		}
		return value;
	}

}
