package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deployment check's model conventions ({@link ModelConventionRules}): a timer reads only what a feature sets for
 * timers, decision columns the code reads name only values it knows, and elements carry their kind's id prefix; each
 * problem names its element, in Chinese and English.
 */
@HttpTest
class ModelConventionsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DeploymentCheck check;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void aTimerReadingAVariableNoFeatureSetsIsRefusedThroughTheEngineRestWithItsEventAndNothingIsDeployed()
			throws Exception {
		String bpmn = DeploymentForm.process("Process_OwnTimer", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_OwnTimer" targetRef="Event_Wait" />
				<bpmn:intermediateCatchEvent id="Event_Wait" name="等到自定时间">
				  <bpmn:timerEventDefinition><bpmn:timeDate>${myOwnDueAt}</bpmn:timeDate></bpmn:timerEventDefinition>
				</bpmn:intermediateCatchEvent>
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Event_Wait" targetRef="End_Process_OwnTimer" />
				""");
		long deployments = jdbc.queryForObject("SELECT count(*) FROM act_re_deployment", Long.class);
		DeploymentForm form = DeploymentForm.named("own-timer").resource("own-timer.bpmn", bpmn);

		HttpResponse<String> response = new CasegridClient(port, DemoUsers.DESIGNER)
			.post("/engine-rest/deployment/create", form.contentType(), form.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode errors = json.readTree(response.body()).path("details").path("own-timer.bpmn").path("errors");
		assertThat(errors).anySatisfy(error -> {
			assertThat(error.get("mainElementId").asText()).isEqualTo("Event_Wait");
			assertThat(error.get("message").asText()).contains("计时器", "myOwnDueAt", "a timer may only read");
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_re_deployment", Long.class)).isEqualTo(deployments);
	}

	@Test
	void timersReadingTheProductsTimerVariablesOrALiteralTimePass() {
		assertThat(problems(timerProcess("${handleDueAt}"))).isEmpty();
		assertThat(problems(timerProcess("${emergencyRealertCycle}"))).isEmpty();
		assertThat(problems(timerProcess("P1D"))).isEmpty();
		assertThat(problems(timerProcess("${handleDueAt != null ? handleDueAt : caseReportedAt}")))
			.singleElement()
			.satisfies(p -> assertThat(p.english()).contains("not caseReportedAt"));
	}

	@Test
	void decisionValuesOutsideTheKnownTracksLevelsAndSlaClassesAreRefusedEntryByEntry() {
		String dmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Values" name="值"
				    namespace="https://casegrid.io/tests">
				  <decision id="Decision_Values" name="研判">
				    <decisionTable id="DecisionTable_Values" hitPolicy="FIRST">
				      <input id="Input_Class" label="类别"><inputExpression id="InputExpression_Class" typeRef="string">
				        <text>slaClass</text></inputExpression></input>
				      <output id="Output_Track" name="track" typeRef="string" />
				      <output id="Output_Level" name="startLevel" typeRef="string" />
				      <output id="Output_Sla" name="slaClass" typeRef="string" />
				      <rule id="Rule_Known">
				        <inputEntry id="InputEntry_Known"><text>"SMALL","COMPLEX"</text></inputEntry>
				        <outputEntry id="OutputEntry_KnownTrack"><text>"DISPUTE"</text></outputEntry>
				        <outputEntry id="OutputEntry_KnownLevel"><text>"TOWNSHIP"</text></outputEntry>
				        <outputEntry id="OutputEntry_KnownSla"><text>null</text></outputEntry>
				      </rule>
				      <rule id="Rule_Unknown">
				        <inputEntry id="InputEntry_Unknown"><text>"HUGE"</text></inputEntry>
				        <outputEntry id="OutputEntry_Track"><text>"PARTY"</text></outputEntry>
				        <outputEntry id="OutputEntry_Level"><text>"PROVINCE"</text></outputEntry>
				        <outputEntry id="OutputEntry_Sla"><text>"TINY"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""";

		List<DeploymentProblem> problems = check.problems(Map.of("values.dmn", resource("values.dmn", dmn)));

		assertThat(problems).extracting(DeploymentProblem::elementId)
			.containsExactlyInAnyOrder("InputEntry_Unknown", "OutputEntry_Track", "OutputEntry_Level", "OutputEntry_Sla");
		assertThat(problems).filteredOn(p -> p.elementId().equals("OutputEntry_Level")).singleElement().satisfies(p -> {
			assertThat(p.chinese()).contains("startLevel", "PROVINCE");
			assertThat(p.english()).contains("COUNTY", "GRID", "TOWNSHIP");
		});
	}

	@Test
	void elementsWithoutTheirKindsIdPrefixAreRefusedAndModelersOwnIdsPass() {
		String bpmn = DeploymentForm.process("Process_Ids", """
				<bpmn:sequenceFlow id="toReview" sourceRef="Start_Process_Ids" targetRef="Review" />
				<bpmn:userTask id="Review" name="审核" />
				<bpmn:sequenceFlow id="Flow_0abc12" sourceRef="Review" targetRef="Decide" />
				<bpmn:exclusiveGateway id="Decide" />
				<bpmn:sequenceFlow id="Flow_1def34" sourceRef="Decide" targetRef="Activity_0xyz9" />
				<bpmn:serviceTask id="Activity_0xyz9" name="开立案卷" camunda:delegateExpression="${openCaseFile}" />
				<bpmn:sequenceFlow id="Flow_2ghi56" sourceRef="Activity_0xyz9" targetRef="Gateway_1k2l3m" />
				<bpmn:exclusiveGateway id="Gateway_1k2l3m" />
				<bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_1k2l3m" targetRef="Event_0end" />
				<bpmn:endEvent id="Event_0end" />
				""");

		// the user task without a form is a problem of the form rules too; here only the id prefixes count
		assertThat(problems(bpmn)).filteredOn(p -> p.getMessage().contains("must start with"))
			.extracting(DeploymentProblem::elementId)
			.containsExactlyInAnyOrder("toReview", "Review", "Decide");
		assertThat(problems(bpmn)).filteredOn(p -> p.getMessage().contains("must start with"))
			.allSatisfy(p -> assertThat(p.getMessage()).contains(" 开头"));
	}

	private List<DeploymentProblem> problems(String bpmn) {
		return check.problems(Map.of("conventions.bpmn", resource("conventions.bpmn", bpmn)));
	}

	private static String timerProcess(String time) {
		return DeploymentForm.process("Process_Timer", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Timer" targetRef="Event_Wait" />
				<bpmn:intermediateCatchEvent id="Event_Wait">
				  <bpmn:timerEventDefinition><bpmn:timeCycle>%s</bpmn:timeCycle></bpmn:timerEventDefinition>
				</bpmn:intermediateCatchEvent>
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Event_Wait" targetRef="End_Process_Timer" />
				""".formatted(time));
	}

	private static ResourceEntity resource(String name, String content) {
		ResourceEntity resource = new ResourceEntity();
		resource.setName(name);
		resource.setBytes(content.getBytes(StandardCharsets.UTF_8));
		return resource;
	}

}
