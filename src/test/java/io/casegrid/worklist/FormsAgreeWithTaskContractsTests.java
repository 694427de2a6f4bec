package io.casegrid.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import io.casegrid.ProcessTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist and the REST API ask the same questions: every user task of every process has a Camunda Form and a task
 * contract, and the form's fields are exactly the contract's outcome and fields (plus the optional comment), with the
 * same choices, types and required-ness — so every form field maps to a variable the process reads.
 */
@ProcessTest
class FormsAgreeWithTaskContractsTests {

	static final Path PROCESSES = Path.of("processes");

	@Autowired
	TaskContracts contracts;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyUserTaskHasAFormThatAgreesWithItsContract() throws IOException {
		Map<String, JsonNode> forms = forms();
		List<String> checked = new ArrayList<>();
		for (Path bpmn : bpmnFiles()) {
			try (InputStream in = Files.newInputStream(bpmn)) {
				for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
					String where = bpmn.getFileName() + "#" + task.getId();
					String formRef = task.getCamundaFormRef();
					assertThat(formRef).as(where + " has camunda:formRef").isNotBlank();
					assertThat(forms).as(where + " form " + formRef + " exists").containsKey(formRef);
					UserTaskContract contract = contracts.forTask(task.getId()).orElse(null);
					assertThat(contract).as(where + " has a task contract for the REST API").isNotNull();
					assertAgree(where, forms.get(formRef), contract);
					checked.add(task.getId());
				}
			}
		}
		assertThat(checked).as("user tasks checked").hasSizeGreaterThanOrEqualTo(16);
		assertThat(checked).containsAll(contracts.all().stream().map(UserTaskContract::taskKey).toList());
	}

	@Test
	void everyFormParsesAndHasAUniqueId() throws IOException {
		Set<String> ids = new HashSet<>();
		try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
			for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
				JsonNode node = json.readTree(form.toFile());
				assertThat(node.path("id").asText()).as(form + " id").startsWith("Form_");
				assertThat(ids.add(node.path("id").asText())).as(form + " id is unique").isTrue();
				assertThat(node.path("components").isArray()).as(form + " components").isTrue();
				assertThat(node.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
			}
		}
		assertThat(ids).hasSizeGreaterThanOrEqualTo(16);
	}

	private void assertAgree(String where, JsonNode form, UserTaskContract contract) {
		Map<String, JsonNode> fields = new HashMap<>();
		form.path("components").forEach(c -> {
			if (c.hasNonNull("key")) {
				fields.put(c.path("key").asText(), c);
			}
		});
		JsonNode outcome = fields.remove(contract.outcomeVariable());
		assertThat(outcome).as(where + " asks for " + contract.outcomeVariable()).isNotNull();
		assertThat(outcome.path("validate").path("required").asBoolean()).as(where + " outcome required").isTrue();
		List<String> offered = new ArrayList<>();
		outcome.path("values").forEach(v -> offered.add(v.path("value").asText()));
		assertThat(offered).as(where + " outcomes")
			.containsExactlyElementsOf(contract.outcomes().stream().map(TaskOutcome::code).toList());
		fields.remove("comment");

		Map<String, OutcomeField> contractFields = new HashMap<>();
		Map<String, List<String>> usedBy = new HashMap<>();
		for (TaskOutcome o : contract.outcomes()) {
			for (OutcomeField f : o.fields()) {
				OutcomeField earlier = contractFields.putIfAbsent(f.name(), f);
				if (earlier != null) {
					assertThat(f.required()).as(where + " " + f.name() + " required the same in every outcome")
						.isEqualTo(earlier.required());
				}
				usedBy.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(o.code());
			}
		}
		assertThat(fields.keySet()).as(where + " form fields = contract fields").isEqualTo(contractFields.keySet());
		contractFields.forEach((name, f) -> {
			JsonNode c = fields.get(name);
			assertThat(c.path("validate").path("required").asBoolean()).as(where + " " + name + " required")
				.isEqualTo(f.required());
			String type = c.path("type").asText();
			switch (f.type()) {
				case TEXT, ORG_UNIT -> assertThat(type).as(where + " " + name).isIn("textfield", "textarea");
				case DATE_TIME -> assertThat(type).as(where + " " + name).isEqualTo("datetime");
				case CHOICE -> {
					assertThat(type).as(where + " " + name).isIn("select", "radio");
					List<String> values = new ArrayList<>();
					c.path("values").forEach(v -> values.add(v.path("value").asText()));
					assertThat(values).as(where + " " + name + " choices").containsExactlyElementsOf(f.options());
				}
			}
			List<String> outcomes = usedBy.get(name);
			String hide = c.path("conditional").path("hide").asText("");
			if (outcomes.size() < contract.outcomes().size()) {
				assertThat(hide).as(where + " " + name + " shown only for " + outcomes)
					.contains(contract.outcomeVariable());
				outcomes.forEach(code -> assertThat(hide).contains("\"" + code + "\""));
			}
			else {
				assertThat(hide).as(where + " " + name + " always shown").isEmpty();
			}
		});
	}

	private Map<String, JsonNode> forms() throws IOException {
		Map<String, JsonNode> byId = new HashMap<>();
		try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
			for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
				JsonNode node = json.readTree(form.toFile());
				byId.put(node.path("id").asText(), node);
			}
		}
		return byId;
	}

	private static List<Path> bpmnFiles() throws IOException {
		try (Stream<Path> files = Files.list(PROCESSES)) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
