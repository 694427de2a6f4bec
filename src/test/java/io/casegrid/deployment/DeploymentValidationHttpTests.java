package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deploying is deploying code, so every deployment is checked before anything of it is stored: scripts, Java classes,
 * beans outside the product's building blocks and reflective expressions are refused with 400 and every problem
 * listed; a valid deployment goes through and Camunda's operation log records who deployed it.
 */
@HttpTest
class DeploymentValidationHttpTests {

	private static final String DEPLOY = "/engine-rest/deployment/create";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeploymentCheck check;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void aDiagramThatWouldRunACommandIsRefusedAndNothingIsDeployed() throws Exception {
		Path marker = Path.of("target", "rce-marker-" + UUID.randomUUID()).toAbsolutePath();
		String command = "${execution.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
				+ ".exec('touch " + marker + "')}";
		String bpmn = DeploymentForm.process("Process_Marker", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Marker" targetRef="Task_Marker" />
				<bpmn:serviceTask id="Task_Marker" name="标记" camunda:expression="%s" />
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Marker" targetRef="End_Process_Marker" />
				""".formatted(command));
		long deployments = deployments();

		HttpResponse<String> response = deploy(DemoUsers.DESIGNER, "marker.bpmn", bpmn);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(errors(response, "marker.bpmn")).anySatisfy(error -> {
			assertThat(error.get("mainElementId").asText()).isEqualTo("Task_Marker");
			assertThat(error.get("message").asText()).contains("getClass");
		});
		assertThat(deployments()).isEqualTo(deployments);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_re_procdef WHERE key_ = 'Process_Marker'", Long.class))
			.isZero();
		assertThat(marker).doesNotExist();
	}

	@Test
	void readingTheServicesSecretFromTheEnvironmentIsRefused() throws Exception {
		String bpmn = DeploymentForm.process("Process_Secret", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Secret" targetRef="Task_Secret" />
				<bpmn:userTask id="Task_Secret" name="读取密钥"
				    camunda:assignee="${environment.getProperty('casegrid.keycloak.client-secret')}" />
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Secret" targetRef="End_Process_Secret" />
				""");
		long deployments = deployments();

		HttpResponse<String> response = deploy(DemoUsers.DESIGNER, "secret.bpmn", bpmn);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(errors(response, "secret.bpmn")).anySatisfy(error -> {
			assertThat(error.get("mainElementId").asText()).isEqualTo("Task_Secret");
			assertThat(error.get("message").asText()).contains("environment");
		});
		assertThat(deployments()).isEqualTo(deployments);
	}

	@Test
	void everyProblemOfEveryResourceIsListedWithItsElement() throws Exception {
		String bpmn = DeploymentForm.process("Process_Many", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Many" targetRef="Task_Script" />
				<bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="Task_Class" />
				<bpmn:serviceTask id="Task_Class" camunda:class="java.lang.Object" />
				<bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Class" targetRef="Task_DataSource" />
				<bpmn:serviceTask id="Task_DataSource" camunda:delegateExpression="${dataSource}" />
				<bpmn:sequenceFlow id="Flow_4" sourceRef="Task_DataSource" targetRef="Task_Listener" />
				<bpmn:userTask id="Task_Listener">
				  <bpmn:extensionElements>
				    <camunda:executionListener event="start">
				      <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
				    </camunda:executionListener>
				  </bpmn:extensionElements>
				</bpmn:userTask>
				<bpmn:sequenceFlow id="Flow_5" sourceRef="Task_Listener" targetRef="End_Process_Many">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
				      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${openCaseFile.caseFiles}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""").replace("</bpmn:process>", """
				</bpmn:process>
				<bpmn:message id="Message_Env" name="${environment.getProperty('user.home')}" />""");
		String dmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Js" name="js"
				    namespace="https://casegrid.io/tests">
				  <decision id="Decision_Js" name="js">
				    <literalExpression id="Literal_Js" expressionLanguage="javascript">
				      <text>java.lang.Runtime.getRuntime()</text>
				    </literalExpression>
				  </decision>
				</definitions>
				""";
		DeploymentForm form = DeploymentForm.named("many").resource("many.bpmn", bpmn).resource("js.dmn", dmn)
			.resource("run.sh", "rm -rf /");
		long deployments = deployments();

		HttpResponse<String> response = new CasegridClient(port, DemoUsers.DESIGNER).post(DEPLOY, form.contentType(),
				form.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(errors(response, "many.bpmn")).extracting(e -> e.get("mainElementId").asText())
			.contains("Task_Script", "Task_Class", "Task_DataSource", "Task_Listener", "Flow_5");
		assertThat(errors(response, "many.bpmn")).allSatisfy(e -> assertThat(e.get("message").asText()).contains(" / "));
		assertThat(errors(response, "many.bpmn")).extracting(e -> e.get("mainElementId").asText())
			.as("a message name is an expression too").contains("Message_Env");
		assertThat(errors(response, "js.dmn")).extracting(e -> e.get("mainElementId").asText()).contains("Literal_Js");
		assertThat(errors(response, "run.sh")).isNotEmpty();
		assertThat(deployments()).isEqualTo(deployments);
	}

	@Test
	void aUserTaskWithoutAFormAnUnknownBeanAndAFormFieldOfUnknownTypeAreListedAndNothingIsDeployed() throws Exception {
		String bpmn = DeploymentForm.process("Process_Unformed", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Unformed" targetRef="Task_NoForm" />
				<bpmn:userTask id="Task_NoForm" name="没有表单" />
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_NoForm" targetRef="Task_UnknownBean" />
				<bpmn:serviceTask id="Task_UnknownBean" name="未知组件" camunda:delegateExpression="${sendFax}" />
				<bpmn:sequenceFlow id="Flow_3" sourceRef="Task_UnknownBean" targetRef="Task_Upload" />
				<bpmn:userTask id="Task_Upload" name="上传照片" camunda:formRef="Form_Upload"
				    camunda:formRefBinding="deployment" />
				<bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Upload" targetRef="End_Process_Unformed" />
				""");
		String form = """
				{"id": "Form_Upload", "type": "default", "executionPlatform": "Camunda Platform", "components": [
				  {"id": "Field_Outcome", "key": "uploadOutcome", "type": "radio", "label": "结果",
				   "values": [{"label": "已上传", "value": "UPLOADED"}], "validate": {"required": true}},
				  {"id": "Field_Photo", "key": "photo", "type": "filepicker", "label": "照片"}]}
				""";
		DeploymentForm deployment = DeploymentForm.named("unformed").resource("unformed.bpmn", bpmn)
			.resource("upload.form", form);
		long deployments = deployments();

		HttpResponse<String> response = new CasegridClient(port, DemoUsers.DESIGNER).post(DEPLOY,
				deployment.contentType(), deployment.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(errors(response, "unformed.bpmn")).extracting(e -> e.get("mainElementId").asText())
			.contains("Task_NoForm", "Task_UnknownBean");
		assertThat(errors(response, "unformed.bpmn")).filteredOn(e -> e.get("mainElementId").asText().equals("Task_NoForm"))
			.singleElement()
			.satisfies(e -> assertThat(e.get("message").asText()).contains("没有表单").contains("has no form"));
		assertThat(errors(response, "upload.form")).singleElement().satisfies(e -> {
			assertThat(e.get("mainElementId").asText()).isEqualTo("Field_Photo");
			assertThat(e.get("message").asText()).contains("filepicker");
		});
		assertThat(deployments()).isEqualTo(deployments);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM act_re_camformdef WHERE key_ = 'Form_Upload'", Long.class))
			.isZero();
	}

	@Test
	void aConditionReadingAVariableThatNothingDefinesIsAProblemOfItsFlow() {
		String bpmn = DeploymentForm.process("Process_Typo", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Typo" targetRef="Task_Review" />
				<bpmn:userTask id="Task_Review" name="复核" camunda:formRef="Form_Review" camunda:formRefBinding="deployment" />
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="Gateway_Review" />
				<bpmn:exclusiveGateway id="Gateway_Review" />
				<bpmn:sequenceFlow id="Flow_Typo" sourceRef="Gateway_Review" targetRef="End_Process_Typo">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
				      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${reviewOutcom == 'OK'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:sequenceFlow id="Flow_Form" sourceRef="Gateway_Review" targetRef="End_Process_Typo">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
				      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${reviewOutcome == 'OK' &amp;&amp; redoCount == 0}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""");
		String form = """
				{"id": "Form_Review", "components": [{"id": "Field_Outcome", "key": "reviewOutcome", "type": "radio",
				  "label": "结果", "values": [{"label": "通过", "value": "OK"}], "validate": {"required": true}}]}
				""";

		List<DeploymentProblem> problems = check.problems(Map.of("typo.bpmn",
				resource("typo.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)), "review.form",
				resource("review.form", form.getBytes(StandardCharsets.UTF_8))));

		assertThat(problems).as("reviewOutcome is the form's, redoCount the product's")
			.singleElement()
			.satisfies(p -> {
				assertThat(p.elementId()).isEqualTo("Flow_Typo");
				assertThat(p.english()).contains("reviewOutcom,");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "${execution.processEngineServices.runtimeService}", "${execution.setVariable('a', 1)}",
			"${task.execution.getClass()}", "${someVariable.getClass()}", "${someVariable['class']}",
			"${departmentList.of(x).getClass()}", "${processEngine}", "${systemEnvironment['PATH']}",
			"${x[y]}", "${fn:exec()}", "${'a'.concat('b')}", "${runtimeService}" })
	void expressionsOutsideTheAllowListAreRefused(String expression) {
		assertThat(problemsOf(expression)).as(expression).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${handleDueAt}", "${villageOutcome == 'SETTLED' && redoCount > 0}",
			"${departmentList.of(whistledDepartments)}", "#{execution.processBusinessKey}",
			"${execution.getVariable('handler')}", "${now()}", "${openCaseFile}", "plain text" })
	void variablesProductBeansAndReadingExecutionCallsPass(String expression) {
		assertThat(problemsOf(expression)).as(expression).isEmpty();
	}

	@Test
	void theProductsOwnProcessesPassTheCheck() throws IOException {
		Map<String, ResourceEntity> resources = new LinkedHashMap<>();
		// the auto-deployment's patterns (application.yml); Ant patterns have no {a,b} alternatives
		for (String kind : List.of("bpmn", "dmn", "form")) {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:processes/**/*." + kind)) {
				try (InputStream in = resource.getInputStream()) {
					resources.put(resource.getFilename(), resource(resource.getFilename(), in.readAllBytes()));
				}
			}
		}

		assertThat(resources).hasSizeGreaterThan(10);
		assertThat(check.problems(resources)).isEmpty();
	}

	@Test
	void theEngineResolvesOnlyTheProductsBuildingBlocksInExpressions() {
		assertThat(evaluate("${openCaseFile}")).isNotNull();
		assertThatThrownBy(() -> evaluate("${environment}")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("environment");
		assertThatThrownBy(() -> evaluate("${dataSource}")).isInstanceOf(ProcessEngineException.class);
	}

	@Test
	void aValidDeploymentByTheDesignerIsAcceptedAndTheOperationLogSaysTheyDeployedIt() throws Exception {
		String bpmn = DeploymentForm.process("Process_Valid", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Valid" targetRef="Task_Valid" />
				<bpmn:userTask id="Task_Valid" name="核实" camunda:formRef="Form_Handle" camunda:formRefBinding="latest"
				    camunda:candidateGroups="${handlingUnitCode}"
				    camunda:dueDate="${handleDueAt}" />
				<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Valid" targetRef="End_Process_Valid">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
				      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${execution.getVariable('handlingOutcome') == 'RESOLVED'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""");

		HttpResponse<String> response = deploy(DemoUsers.DESIGNER, "valid.bpmn", bpmn);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String deploymentId = json.readTree(response.body()).get("id").asText();
		HttpResponse<String> log = new CasegridClient(port, DemoUsers.ADMIN).get(
				"/engine-rest/history/user-operation?operationType=Create&entityType=Deployment&deploymentId="
						+ deploymentId);
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(json.readTree(log.body())).isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.get("userId").asText()).isEqualTo(DemoUsers.DESIGNER));
	}

	private List<DeploymentProblem> problemsOf(String expression) {
		String bpmn = DeploymentForm.process("Process_Expression", """
				<bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Process_Expression" targetRef="Task_Expression" />
				<bpmn:userTask id="Task_Expression" camunda:formRef="Form_Handle" camunda:formRefBinding="latest"
				    camunda:assignee="%s" />
				""".formatted(expression.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")));
		return check.problems(Map.of("expression.bpmn", resource("expression.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))));
	}

	private Object evaluate(String expression) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired()
			.execute(context -> configuration.getExpressionManager()
				.createExpression(expression)
				.getValue(StartProcessVariableScope.getSharedInstance()));
	}

	private static ResourceEntity resource(String name, byte[] bytes) {
		ResourceEntity resource = new ResourceEntity();
		resource.setName(name);
		resource.setBytes(bytes);
		return resource;
	}

	private HttpResponse<String> deploy(String user, String fileName, String content) throws Exception {
		DeploymentForm form = DeploymentForm.named(fileName).resource(fileName, content);
		return new CasegridClient(port, user).post(DEPLOY, form.contentType(), form.body());
	}

	private List<JsonNode> errors(HttpResponse<String> response, String resource) throws IOException {
		JsonNode errors = json.readTree(response.body()).path("details").path(resource).path("errors");
		List<JsonNode> list = new java.util.ArrayList<>();
		errors.forEach(list::add);
		return list;
	}

	private long deployments() {
		return jdbc.queryForObject("SELECT count(*) FROM act_re_deployment", Long.class);
	}

}
