package io.casegrid.process.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The product's forms are what the REST API reads for its tasks: each follows the conventions, each user task of the
 * product's processes links one, and every outcome code that Java reads or sets (the {@code *Outcomes} classes beside
 * their features) is still offered by one of the forms its class names.
 */
class FormVocabularyTests {

	static final Path PROCESSES = Path.of("processes");

	@Test
	void everyProductFormFollowsTheConventions() throws IOException {
		Map<String, FormReading.Result> forms = readForms();

		assertThat(forms).hasSizeGreaterThanOrEqualTo(28);
		forms.forEach((key, result) -> assertThat(result.problems()).as(key).isEmpty());
	}

	@Test
	void everyUserTaskOfTheProductsProcessesLinksAProductForm() throws IOException {
		Map<String, FormReading.Result> forms = readForms();
		List<String> checked = new ArrayList<>();
		try (Stream<Path> files = Files.list(PROCESSES)) {
			for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(bpmn)) {
					for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
						assertThat(forms).as(bpmn.getFileName() + "#" + task.getId()).containsKey(task.getCamundaFormRef());
						checked.add(task.getId());
					}
				}
			}
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(28);
	}

	@Test
	void everyOutcomeCodeTheCodeReadsIsOfferedByItsForms() throws Exception {
		Map<String, FormReading.Result> forms = readForms();
		List<JavaClass> vocabularies = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.casegrid")
			.stream()
			.filter(c -> c.getSimpleName().endsWith("Outcomes"))
			.toList();
		assertThat(vocabularies).hasSizeGreaterThanOrEqualTo(8);
		for (JavaClass vocabulary : vocabularies) {
			Class<?> type = vocabulary.reflect();
			List<String> formKeys = (List<String>) constant(type, "FORMS");
			assertThat(formKeys).as(type.getName() + ".FORMS").isNotEmpty().allSatisfy(k -> assertThat(forms).containsKey(k));
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
					String code = (String) constant(type, field.getName());
					assertThat(formKeys).as(type.getSimpleName() + "." + field.getName() + " offered by " + formKeys)
						.anySatisfy(k -> assertThat(offered(forms.get(k).form())).contains(code));
				}
			}
		}
	}

	/** The outcome codes and the choice values of a form. */
	private static List<String> offered(TaskForm form) {
		List<String> values = new ArrayList<>(form.outcomeCodes());
		form.fields().forEach(f -> values.addAll(f.options()));
		return values;
	}

	private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field.get(null);
	}

	static Map<String, FormReading.Result> readForms() throws IOException {
		Map<String, FormReading.Result> byKey = new HashMap<>();
		try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
			for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
				FormReading.Result result = FormReading.read(Files.readAllBytes(form));
				String key = result.form() != null ? result.form().formKey() : form.getFileName().toString();
				assertThat(byKey.put(key, result)).as(form + " has a unique id").isNull();
			}
		}
		return byKey;
	}

}
