package io.casegrid.security;

import static io.casegrid.security.CockpitAuthorizationHttpTests.assertRefusedByCamunda;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /engine-rest} (Camunda Modeler, scripts) with Camunda's authorizations: only a process deployer deploys, a
 * process designer reads definitions but works no task, writes no variable and runs no job; an administrator does
 * all of it. Each refusal is Camunda's {@code AuthorizationException}.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAuthorizationHttpTests {

	/** A try-out process: a user task with a timer beside it. */
	private static final String TRY_OUT = DeploymentForm.process("Process_TryOut", """
			<bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Start_Process_TryOut" targetRef="Task_TryOut" />
			<bpmn:userTask id="Task_TryOut" name="试一试" camunda:formRef="Form_Handle" camunda:formRefBinding="latest" />
			<bpmn:boundaryEvent id="Timer_TryOut" attachedToRef="Task_TryOut" cancelActivity="false">
			  <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
			</bpmn:boundaryEvent>
			<bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_TryOut" targetRef="End_Process_TryOut" />
			<bpmn:sequenceFlow id="Flow_TimerToEnd" sourceRef="Timer_TryOut" targetRef="End_TimerTryOut" />
			<bpmn:endEvent id="End_TimerTryOut" />
			""");

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	CasegridClient designer;

	CasegridClient admin;

	ProcessInstance tryOut;

	String taskId;

	String jobId;

	@BeforeAll
	void deployTheTryOutProcess() throws Exception {
		TestKeycloak.started().awaitReady();
		DeploymentForm form = DeploymentForm.named("try-out").resource("try-out.bpmn", TRY_OUT);
		HttpResponse<String> deployed = new CasegridClient(port, DemoUsers.DESIGNER).post("/engine-rest/deployment/create",
				form.contentType(), form.body());
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
	}

	@BeforeEach
	void startATryOut() {
		designer = new CasegridClient(port, DemoUsers.DESIGNER);
		admin = new CasegridClient(port, DemoUsers.ADMIN);
		tryOut = runtime.startProcessInstanceByKey("Process_TryOut");
		taskId = tasks.createTaskQuery().processInstanceId(tryOut.getId()).singleResult().getId();
		jobId = management.createJobQuery().processInstanceId(tryOut.getId()).singleResult().getId();
	}

	@Test
	void theDesignerWhoIsAlsoADeployerDeploysAHarmlessProcess() throws Exception {
		long deployments = repository.createDeploymentQuery().count();
		DeploymentForm form = DeploymentForm.named("designer")
			.resource("harmless.bpmn", DeploymentForm.harmlessProcess("Process_DesignerHarmless"));

		HttpResponse<String> response = designer.post("/engine-rest/deployment/create", form.contentType(), form.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
	}

	@Test
	void aDesignerWhoIsNoDeployerCannotDeploy() throws Exception {
		try (ThrowawayUser user = ThrowawayUser.withRealmRoles(Role.PROCESS_DESIGNER.tokenName())) {
			long deployments = repository.createDeploymentQuery().count();
			DeploymentForm form = DeploymentForm.named("designer-only")
				.resource("harmless.bpmn", DeploymentForm.harmlessProcess("Process_DesignerOnly"));

			HttpResponse<String> response = new CasegridClient(port, user.username).post("/engine-rest/deployment/create",
					form.contentType(), form.body());

			assertRefusedByCamunda(response);
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
			assertThat(new CasegridClient(port, user.username).get("/engine-rest/process-definition?key=CaseLifecycle")
				.body()).as("designing needs the definitions").contains("\"key\":\"CaseLifecycle\"");
		}
	}

	@Test
	void aDesignerCannotCompleteATask() throws Exception {
		assertRefusedByCamunda(designer.post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}"));
		assertRefusedByCamunda(designer.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}"));
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void aDesignerCannotSetVariables() throws Exception {
		assertRefusedByCamunda(designer.send("PUT", "/engine-rest/process-instance/" + tryOut.getId() + "/variables/probe",
				"{\"value\":\"designer\",\"type\":\"String\"}"));
		assertRefusedByCamunda(designer.post("/engine-rest/task/" + taskId + "/variables",
				"{\"modifications\":{\"probe\":{\"value\":\"designer\"}}}"));
		assertThat(runtime.getVariables(tryOut.getId())).doesNotContainKey("probe");
	}

	@Test
	void aDesignerCannotExecuteOrMoveAJob() throws Exception {
		assertRefusedByCamunda(designer.post("/engine-rest/job/" + jobId + "/execute", ""));
		assertRefusedByCamunda(designer.send("PUT", "/engine-rest/job/" + jobId + "/duedate",
				"{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"));
		assertThat(management.createJobQuery().jobId(jobId).count()).isEqualTo(1);
	}

	@Test
	void anAdministratorSetsVariablesExecutesJobsAndCompletesTasks() throws Exception {
		assertThat(admin.send("PUT", "/engine-rest/process-instance/" + tryOut.getId() + "/variables/probe",
				"{\"value\":\"admin\",\"type\":\"String\"}").statusCode()).isEqualTo(204);
		assertThat(runtime.getVariable(tryOut.getId(), "probe")).isEqualTo("admin");
		assertThat(admin.post("/engine-rest/job/" + jobId + "/execute", "").statusCode()).isEqualTo(204);
		assertThat(management.createJobQuery().jobId(jobId).count()).isZero();
		assertThat(admin.post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}").statusCode())
			.isEqualTo(204);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(tryOut.getId()).count()).isZero();
	}

}
