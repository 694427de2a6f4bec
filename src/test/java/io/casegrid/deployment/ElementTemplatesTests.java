package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.xml.Model;
import org.junit.jupiter.api.Test;

import io.casegrid.ProcessTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates designers pick steps from in Camunda Modeler ({@code processes/element-templates/*.json})
 * against the product's diagrams and beans, and against the shape the Camunda 7 element-template schema requires.
 */
@ProcessTest
class ElementTemplatesTests {

	static final Path TEMPLATES = Path.of("processes", "element-templates");

	static final Path DESIGNERS_GUIDE = Path.of("docs", "designers.md");

	/** The bindings of the Camunda 7 schema and the property types each allows. */
	static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
			"camunda:outputParameter", "camunda:in", "camunda:in:businessKey", "camunda:out",
			"camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");

	private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

	@Autowired
	ApplicationContext context;

	@Autowired
	ProductBeans productBeans;

	@Test
	void everyBeanTheProductsProcessesUseHasATemplateOrIsATaskListenerOrHelperListedInTheDesignersGuide()
			throws IOException {
		Set<String> templated = new HashSet<>();
		templates().forEach(template -> templated.add(bean(template)));
		String guide = Files.readString(DESIGNERS_GUIDE, StandardCharsets.UTF_8);

		assertThat(productBeans.names()).contains("openCaseFile", "startFeedbackClock", "recordSignFor");
		assertThat(productBeans.names()).allSatisfy(name -> {
			boolean delegateOrExecutionListener = context.getBean(name) instanceof JavaDelegate
					|| context.getBean(name) instanceof ExecutionListener;
			if (delegateOrExecutionListener) {
				assertThat(templated).as("a template for " + name).contains(name);
			}
			else {
				assertThat(guide).as("docs/designers.md names " + name).contains("`" + name + "`");
			}
		});
	}

	@Test
	void everyTemplateNamesAProductBeanOfTheKindItsBindingCalls() throws IOException {
		assertThat(templates()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(template -> {
			String bean = bean(template);
			String binding = implementation(template).path("binding").path("type").asText();
			assertThat(productBeans.names()).as(template.path("id").asText()).contains(bean);
			Class<?> kind = binding.equals("camunda:executionListener") ? ExecutionListener.class : JavaDelegate.class;
			assertThat(context.getBean(bean)).as(template.path("id").asText()).isInstanceOf(kind);
		});
	}

	@Test
	void everyTemplateHasTheSchemasRequiredKeysAUniqueIdAndAppliesToBpmnTypes() throws IOException {
		Model bpmn = Bpmn.INSTANCE.getBpmnModel();
		Set<String> ids = new HashSet<>();
		assertThat(templates()).allSatisfy(template -> {
			String id = template.path("id").asText();
			assertThat(template.path("$schema").asText())
				.isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
			assertThat(template.path("name").asText()).as(id).isNotBlank();
			assertThat(id).startsWith("casegrid.");
			assertThat(ids.add(id)).as("unique id " + id).isTrue();
			assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty()).as(id).isTrue();
			List<String> types = new ArrayList<>();
			template.path("appliesTo").forEach(type -> types.add(type.asText()));
			if (template.has("elementType")) {
				types.add(template.path("elementType").path("value").asText());
			}
			assertThat(types).as(id).allSatisfy(type -> assertThat(type).startsWith("bpmn:")
				.satisfies(t -> assertThat(bpmn.getTypeForName(BpmnModelConstants.BPMN20_NS,
						Character.toLowerCase(t.charAt(5)) + t.substring(6)))
					.as(t).isNotNull()));
			assertThat(template.path("properties").isArray()).as(id).isTrue();
			template.path("properties").forEach(property -> {
				JsonNode binding = property.path("binding");
				assertThat(BINDINGS).as(id).contains(binding.path("type").asText());
				if (Set.of("property", "camunda:property", "camunda:inputParameter", "camunda:field")
					.contains(binding.path("type").asText())) {
					assertThat(binding.path("name").asText()).as(id).isNotBlank();
				}
				if (property.path("type").asText().equals("Dropdown")) {
					assertThat(property.path("choices")).as(id).isNotEmpty();
				}
			});
		});
	}

	@Test
	void theMediationLevelDropdownOffersTheLevelsEnterMediationLevelTakes() throws Exception {
		JsonNode template = templates().stream()
			.filter(t -> t.path("id").asText().equals("casegrid.enterMediationLevel"))
			.findFirst()
			.orElseThrow();
		JsonNode level = template.path("properties").findParents("binding").stream()
			.filter(p -> p.path("binding").path("name").asText().equals("level"))
			.findFirst()
			.orElseThrow();
		List<String> offered = new ArrayList<>();
		level.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
		List<String> levels = Stream.of(Class.forName("io.casegrid.mediation.MediationLevel").getEnumConstants())
			.map(constant -> ((Enum<?>) constant).name())
			.toList();

		assertThat(level.path("binding").path("type").asText()).isEqualTo("camunda:inputParameter");
		assertThat(offered).containsExactly("BRAND_ROOM", "THREE_HEADS", "COUNTY");
		assertThat(levels).containsAll(offered);
	}

	/** The template's property that names its bean. */
	private static JsonNode implementation(JsonNode template) {
		for (JsonNode property : template.path("properties")) {
			String binding = property.path("binding").path("type").asText();
			if (binding.equals("camunda:executionListener") || (binding.equals("property")
					&& property.path("binding").path("name").asText().equals("camunda:delegateExpression"))) {
				return property;
			}
		}
		throw new AssertionError(template.path("id").asText() + " names no delegate or listener");
	}

	private static String bean(JsonNode template) {
		Matcher matcher = BEAN.matcher(implementation(template).path("value").asText());
		assertThat(matcher.matches()).as(template.path("id").asText() + " binds ${bean}").isTrue();
		return matcher.group(1);
	}

	private static List<JsonNode> templates() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<JsonNode> templates = new ArrayList<>();
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
				JsonNode content = json.readTree(file.toFile());
				if (content.isArray()) {
					content.forEach(templates::add);
				}
				else {
					templates.add(content);
				}
			}
		}
		return templates;
	}

}
