package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.client.model.DeployedProcess;
import io.casegrid.client.model.DeployedProcessPage;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/admin/processes}: a designer sees every deployed version of a process with the instances running
 * on each, after deploying a second version through {@code /engine-rest} as Camunda Modeler does.
 */
@HttpTest
class DeployedProcessesHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@Test
	void aDesignerSeesEachVersionOfAProcessWithTheInstancesRunningOnIt() throws Exception {
		String key = "Process_Listed" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
			.toUpperCase(Locale.ROOT);
		String file = "listed.bpmn";
		assertThat(deploy(file, waitingProcess(key, "等待一")).statusCode()).isEqualTo(200);
		runtime.startProcessInstanceByKey(key);
		runtime.startProcessInstanceByKey(key);
		assertThat(deploy(file, waitingProcess(key, "等待二")).statusCode()).isEqualTo(200);
		runtime.startProcessInstanceByKey(key);

		DeployedProcessPage page = new CasegridClient(port, DemoUsers.DESIGNER).processes.listDeployedProcesses(0, 200);

		List<DeployedProcess> versions = page.getItems().stream().filter(p -> p.getKey().equals(key)).toList();
		assertThat(versions).extracting(DeployedProcess::getVersion).containsExactly(2, 1);
		assertThat(versions).extracting(DeployedProcess::getRunningInstances).containsExactly(1L, 2L);
		assertThat(versions.get(0).getDeploymentId()).isNotEqualTo(versions.get(1).getDeploymentId());
		assertThat(versions).allSatisfy(version -> {
			assertThat(version.getResource()).isEqualTo(file);
			assertThat(version.getName()).isEqualTo("测试流程");
			assertThat(version.getDeployedAt()).isNotNull();
		});
		assertThat(page.getItems()).extracting(DeployedProcess::getKey).contains("CaseLifecycle");
		assertThat(page.getTotal()).isEqualTo(page.getItems().size());
	}

	@Test
	void aPageHoldsAtMostSizeDefinitionsAndCountsThemAll() throws Exception {
		DeployedProcessPage first = new CasegridClient(port, DemoUsers.ADMIN).processes.listDeployedProcesses(0, 1);
		DeployedProcessPage second = new CasegridClient(port, DemoUsers.ADMIN).processes.listDeployedProcesses(1, 1);

		assertThat(first.getItems()).hasSize(1);
		assertThat(second.getItems()).hasSize(1);
		assertThat(first.getTotal()).isGreaterThan(1).isEqualTo(second.getTotal());
		assertThat(first.getItems().get(0).getId()).isNotEqualTo(second.getItems().get(0).getId());
	}

	@Test
	void onlyDesignersAndAdminsListProcesses() {
		CasegridClient supervisor = new CasegridClient(port, DemoUsers.SUPERVISOR);

		assertThat(CasegridClient.statusOf(() -> supervisor.processes.listDeployedProcesses(0, 20))).isEqualTo(403);
	}

	private java.net.http.HttpResponse<String> deploy(String fileName, String content) throws Exception {
		DeploymentForm form = DeploymentForm.named(fileName).resource(fileName, content);
		return new CasegridClient(port, DemoUsers.DESIGNER).post("/engine-rest/deployment/create", form.contentType(),
				form.body());
	}

	/** A process whose instances wait at a receive task, so they keep running. */
	private static String waitingProcess(String key, String taskName) {
		return DeploymentForm.process(key, """
				<bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Start_%1$s" targetRef="Task_Wait" />
				<bpmn:receiveTask id="Task_Wait" name="%2$s" />
				<bpmn:sequenceFlow id="Flow_FromWait" sourceRef="Task_Wait" targetRef="End_%1$s" />
				""".formatted(key, taskName));
	}

}
