package io.casegrid.process.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A Camunda Form read as a task's contract: outcomes from its one radio field, each outcome's fields from the
 * {@code conditional.hide} expressions, types and limits from the components; and the conventions it must keep.
 */
class FormReadingTests {

	@Test
	void theHandleFormGivesItsOutcomesEachWithTheFieldsItsHideExpressionsShow() throws IOException {
		TaskForm form = read(Files.readAllBytes(Path.of("processes/forms/handle.form")));

		assertThat(form.formKey()).isEqualTo("Form_Handle");
		assertThat(form.outcomeKey()).isEqualTo("handlingOutcome");
		assertThat(form.outcomeCodes()).containsExactly("RESOLVED", "NEED_MORE_TIME", "RETURN");
		assertThat(form.outcome("RESOLVED").orElseThrow().fields()).extracting(FormField::key)
			.containsExactly("resolution");
		assertThat(form.outcome("NEED_MORE_TIME").orElseThrow().fields()).extracting(FormField::key)
			.containsExactly("extensionReason", "expectedBy");
		FormField expectedBy = form.field("expectedBy").orElseThrow();
		assertThat(expectedBy.type()).isEqualTo(FieldType.DATE_TIME);
		assertThat(expectedBy.label()).isEqualTo("预计办结时间（日期）");
		assertThat(expectedBy.required()).isFalse();
		assertThat(form.field("comment")).as("the remark is the completion's comment, not a field").isEmpty();
	}

	@Test
	void aTextFieldMarkedOrgUnitAndTheLimitsOfValidateAreRead() {
		TaskForm form = read(form("""
				{"id": "Field_Unit", "key": "unit", "type": "textfield", "label": "单位",
				 "properties": {"valueType": "ORG_UNIT"}, "validate": {"required": true, "maxLength": 64}},
				{"id": "Field_Count", "key": "count", "type": "number", "label": "人数", "validate": {"min": 1, "max": 9}},
				{"id": "Field_Code", "key": "code", "type": "textfield", "label": "编号",
				 "validate": {"pattern": "[A-Z]{2}\\\\d{3}", "minLength": 5}}
				"""));

		assertThat(form.field("unit").orElseThrow().type()).isEqualTo(FieldType.ORG_UNIT);
		assertThat(form.field("count").orElseThrow().max()).isEqualByComparingTo("9");
		assertThat(form.field("code").orElseThrow().pattern()).isEqualTo("[A-Z]{2}\\d{3}");
		assertThat(form.field("code").orElseThrow().minLength()).isEqualTo(5);
	}

	@Test
	void hideIsEvaluatedWithTheValuesChosen() {
		TaskForm form = read(form("""
				{"id": "Field_Court", "key": "court", "type": "textfield", "label": "法院",
				 "conditional": {"hide": "=apply = \\"NO\\""}}
				"""));
		FormField court = form.field("court").orElseThrow();

		assertThat(FormReading.hidden(court, Map.of("apply", "NO"))).isTrue();
		assertThat(FormReading.hidden(court, Map.of("apply", "YES"))).isFalse();
	}

	@Test
	void aFieldOfUnknownTypeIsAProblemNamingTheComponent() {
		FormReading.Result result = FormReading.read(form("""
				{"id": "Field_Photo", "key": "photo", "type": "filepicker", "label": "照片"}
				"""));

		assertThat(result.form()).isNull();
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.componentId()).isEqualTo("Field_Photo");
			assertThat(p.english()).contains("unknown form field type: filepicker");
		});
	}

	@Test
	void aFormWithoutExactlyOneRequiredRadioOfOutcomeCodesBreaksTheOutcomeConvention() {
		String noRadio = """
				{"id": "Form_X", "components": [{"id": "Field_A", "key": "a", "type": "textfield", "label": "甲"}]}
				""";
		String badCodes = """
				{"id": "Form_X", "components": [{"id": "Field_O", "key": "o", "type": "radio", "label": "结果",
				  "values": [{"label": "好", "value": "ok"}]}]}
				""";

		assertThat(FormReading.read(noRadio.getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
			.satisfies(p -> assertThat(p.english()).contains("exactly one radio field"));
		assertThat(FormReading.read(badCodes.getBytes(StandardCharsets.UTF_8)).problems())
			.extracting(FormReading.Problem::english)
			.anySatisfy(e -> assertThat(e).contains("must be required"))
			.anySatisfy(e -> assertThat(e).contains("upper case"));
	}

	@Test
	void aHideThatIsNotFeelAndAFieldWithoutLabelAreProblems() {
		FormReading.Result result = FormReading.read(form("""
				{"id": "Field_A", "key": "a", "type": "textfield", "label": "甲", "conditional": {"hide": "=not(("}},
				{"id": "Field_B", "key": "b", "type": "textarea"}
				"""));

		assertThat(result.problems()).extracting(FormReading.Problem::componentId).containsExactly("Field_A", "Field_B");
	}

	@Test
	void aSelectGivesEachValueWithItsLabelAndAValueWithoutLabelIsAProblem() {
		TaskForm form = read(form("""
				{"id": "Field_Way", "key": "way", "type": "select", "label": "途径",
				 "values": [{"label": "诉讼", "value": "LITIGATION"}, {"label": "仲裁", "value": "ARBITRATION"}]}
				"""));
		FormReading.Result unlabelled = FormReading.read(form("""
				{"id": "Field_Way", "key": "way", "type": "select", "label": "途径", "values": [{"value": "LITIGATION"}]}
				"""));

		assertThat(form.field("way").orElseThrow().choices()).containsExactly(new FormChoice("LITIGATION", "诉讼"),
				new FormChoice("ARBITRATION", "仲裁"));
		assertThat(form.field("way").orElseThrow().options()).containsExactly("LITIGATION", "ARBITRATION");
		assertThat(unlabelled.problems()).singleElement()
			.satisfies(p -> assertThat(p.english()).isEqualTo("the value LITIGATION has no label"));
	}

	@Test
	void aFormWithMoreFieldsOrSelectValuesThanTheApiGivesIsAProblem() {
		StringBuilder components = new StringBuilder();
		for (int i = 0; i <= FormReading.MAX_FIELDS; i++) {
			components.append(i == 0 ? "" : ",")
				.append("{\"id\": \"Field_").append(i).append("\", \"key\": \"f").append(i)
				.append("\", \"type\": \"textfield\", \"label\": \"字段\"}");
		}
		StringBuilder values = new StringBuilder();
		for (int i = 0; i <= FormReading.MAX_CHOICES; i++) {
			values.append(i == 0 ? "" : ",").append("{\"label\": \"选项\", \"value\": \"V").append(i).append("\"}");
		}

		assertThat(FormReading.read(form(components.toString())).problems()).extracting(FormReading.Problem::english)
			.containsExactly("a form has at most 100 input fields (it has 101)");
		assertThat(FormReading.read(form("{\"id\": \"Field_S\", \"key\": \"s\", \"type\": \"select\", "
				+ "\"label\": \"选\", \"values\": [" + values + "]}")).problems())
			.extracting(FormReading.Problem::english)
			.containsExactly("a select field has at most 200 values (it has 201)");
	}

	private static TaskForm read(byte[] json) {
		FormReading.Result result = FormReading.read(json);
		assertThat(result.problems()).isEmpty();
		return result.form();
	}

	/** A form with a required outcome radio (o: DONE) and the given components. */
	private static byte[] form(String components) {
		return ("""
				{"id": "Form_Test", "components": [
				  {"id": "Field_O", "key": "o", "type": "radio", "label": "结果",
				   "values": [{"label": "完成", "value": "DONE"}], "validate": {"required": true}},
				""" + components + "]}").getBytes(StandardCharsets.UTF_8);
	}

}
