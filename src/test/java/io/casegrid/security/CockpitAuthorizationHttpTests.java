package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's engine API ({@code /camunda/api/engine/engine/default/…}) is the whole engine REST API behind the
 * signed-in user. Supervisors and auditors read there but change nothing: no deployment, no task work, no variable, no
 * timer; process designers change nothing either. Each refusal is Camunda's own ({@code AuthorizationException}),
 * not the CSRF filter's: the same requests with the same CSRF handling go through for an administrator.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitAuthorizationHttpTests {

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	/** A grid worker's open case: its handling task and its SLA timer. */
	String taskId;

	String processInstanceId;

	Job timer;

	@BeforeAll
	void openCase() throws Exception {
		TestKeycloak.started().awaitReady();
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		taskId = gridWorker.awaitTask(caseId, "Task_HandleAtLevel").getId();
		processInstanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
		timer = management.createJobQuery().processInstanceId(processInstanceId).timers().list().get(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.SUPERVISOR, DemoUsers.AUDITOR })
	void readOnlyRolesCannotDeployThroughCockpit(String user) throws Exception {
		long deployments = repository.createDeploymentQuery().count();
		DeploymentForm form = DeploymentForm.named("cockpit-" + user)
			.resource("probe.bpmn", DeploymentForm.harmlessProcess("Probe_" + user));

		HttpResponse<String> response = WebappBrowser.signedIn(port, user)
			.send("POST", ENGINE + "/deployment/create", form.contentType(), form.body());

		assertRefusedByCamunda(response);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.SUPERVISOR, DemoUsers.AUDITOR, DemoUsers.DESIGNER })
	void noRoleButAdminCompletesACaseTaskThroughCockpit(String user) throws Exception {
		HttpResponse<String> response = WebappBrowser.signedIn(port, user)
			.sendJson("POST", ENGINE + "/task/" + taskId + "/complete", "{\"variables\":{}}");

		assertRefusedByCamunda(response);
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.SUPERVISOR, DemoUsers.AUDITOR, DemoUsers.DESIGNER })
	void noRoleButAdminSetsACaseVariableThroughCockpit(String user) throws Exception {
		HttpResponse<String> response = WebappBrowser.signedIn(port, user)
			.sendJson("PUT", ENGINE + "/process-instance/" + processInstanceId + "/variables/probe",
					"{\"value\":\"" + user + "\",\"type\":\"String\"}");

		assertRefusedByCamunda(response);
		assertThat(runtime.getVariable(processInstanceId, "probe")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.SUPERVISOR, DemoUsers.AUDITOR, DemoUsers.DESIGNER })
	void noRoleButAdminMovesAnSlaTimerThroughCockpit(String user) throws Exception {
		HttpResponse<String> response = WebappBrowser.signedIn(port, user)
			.sendJson("PUT", ENGINE + "/job/" + timer.getId() + "/duedate",
					"{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}");

		assertRefusedByCamunda(response);
		assertThat(dueDateOfTheTimer()).isEqualTo(timer.getDuedate());
	}

	@ParameterizedTest
	@ValueSource(strings = { DemoUsers.SUPERVISOR, DemoUsers.AUDITOR })
	void readOnlyRolesStillReadDefinitionsInstancesAndTasks(String user) throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, user);

		assertThat(browser.get(ENGINE + "/process-definition?key=CaseLifecycle").body())
			.contains("\"key\":\"CaseLifecycle\"");
		assertThat(browser.get(ENGINE + "/process-instance/" + processInstanceId).statusCode()).isEqualTo(200);
		assertThat(browser.get(ENGINE + "/task?processInstanceId=" + processInstanceId).body()).contains(taskId);
		assertThat(browser.get(ENGINE + "/history/process-instance?processInstanceId=" + processInstanceId).body())
			.contains(processInstanceId);
	}

	@Test
	void designersReadDefinitionsButNotTheCasesInThem() throws Exception {
		WebappBrowser browser = WebappBrowser.signedIn(port, DemoUsers.DESIGNER);

		assertThat(browser.get(ENGINE + "/process-definition?key=CaseLifecycle").body())
			.contains("\"key\":\"CaseLifecycle\"");
		assertThat(browser.get(ENGINE + "/task?processInstanceId=" + processInstanceId).body()).isEqualTo("[]");
		assertThat(browser.get(ENGINE + "/process-instance/" + processInstanceId + "/variables").statusCode())
			.isEqualTo(403);
	}

	@Test
	void administratorsChangeTheSameThingsThroughCockpit() throws Exception {
		WebappBrowser admin = WebappBrowser.signedIn(port, DemoUsers.ADMIN);

		assertThat(admin.sendJson("PUT", ENGINE + "/process-instance/" + processInstanceId + "/variables/adminProbe",
				"{\"value\":\"admin\",\"type\":\"String\"}").statusCode()).isEqualTo(204);
		assertThat(runtime.getVariable(processInstanceId, "adminProbe")).isEqualTo("admin");
		assertThat(admin.sendJson("PUT", ENGINE + "/job/" + timer.getId() + "/duedate",
				"{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}").statusCode()).isEqualTo(204);
		assertThat(dueDateOfTheTimer()).isAfter(timer.getDuedate());
		management.setJobDuedate(timer.getId(), timer.getDuedate());
		DeploymentForm form = DeploymentForm.named("cockpit-admin")
			.resource("probe.bpmn", DeploymentForm.harmlessProcess("Probe_CockpitAdmin"));
		assertThat(admin.send("POST", ENGINE + "/deployment/create", form.contentType(), form.body()).statusCode())
			.isEqualTo(200);
	}

	private Date dueDateOfTheTimer() {
		return management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate();
	}

	static void assertRefusedByCamunda(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("AuthorizationException");
	}

}
