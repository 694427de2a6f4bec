package io.casegrid.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.DeploymentForm;
import io.casegrid.HttpTest;
import io.casegrid.client.ApiException;
import io.casegrid.client.model.Migration;
import io.casegrid.client.model.MigrationInstruction;
import io.casegrid.client.model.MigrationMapping;
import io.casegrid.client.model.MigrationRequest;
import io.casegrid.identity.TestKeycloak;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/v1/admin/migrations} and {@code GET …/{id}} as a designer's tool would call them: a process of its
 * own is deployed twice through {@code /engine-rest} (version 2 renames the reminder timer and adds a step), its
 * running instances are checked, dry-run and migrated by the service's batch, and the plan's problems come back as
 * 400 with each instruction's failures.
 */
@HttpTest
class ProcessMigrationsHttpTests {

	static final String REMINDER = "Timer_Remind";

	static final String REMINDER_V2 = "Timer_RemindLater";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	ObjectMapper json;

	private final List<String> deployments = new ArrayList<>();

	private final String key = "Process_Migrated" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
		.toUpperCase(Locale.ROOT);

	@BeforeAll
	static void keycloakIsUp() {
		TestKeycloak.started().awaitReady();
	}

	@AfterEach
	void deleteTheProcess() {
		deployments.forEach(id -> repository.deleteDeployment(id, true, true));
	}

	@Test
	void aPlanThatDropsATimerWithPendingJobsIsRefusedTheDryRunMovesNothingAndTheBatchMovesEveryInstance()
			throws Exception {
		deploy(version(1));
		List<String> instances = List.of(start(), start(), start());
		deploy(version(2));
		CasegridClient designer = new CasegridClient(port, DemoUsers.DESIGNER);

		ApiException dropped = catchThrowableOfType(ApiException.class,
				() -> designer.migrations.createMigration(request().dryRun(true)));
		assertThat(dropped.getCode()).isEqualTo(400);
		JsonNode problem = json.readTree(dropped.getResponseBody());
		assertThat(problem.get("type").asText()).isEqualTo("urn:casegrid:problem:validation");
		assertThat(problem.get("instructions")).singleElement().satisfies(instruction -> {
			assertThat(instruction.get("from").asText()).isEqualTo(REMINDER);
			assertThat(instruction.get("failures").get(0).asText()).contains("3 pending jobs");
		});

		Migration dryRun = designer.migrations.createMigration(request().dryRun(true)
			.addMappingsItem(new MigrationMapping().from(REMINDER).to(REMINDER_V2)));
		assertThat(dryRun.getDryRun()).isTrue();
		assertThat(dryRun.getId()).isNull();
		assertThat(dryRun.getInstances()).isEqualTo(3);
		assertThat(dryRun.getInstructions()).extracting(MigrationInstruction::getFrom, MigrationInstruction::getTo,
				MigrationInstruction::getGenerated, MigrationInstruction::getUpdateEventTrigger)
			.contains(tuple("Task_Wait", "Task_Wait", true, false), tuple(REMINDER, REMINDER_V2, false, true));
		assertThat(instances).allSatisfy(id -> assertThat(versionOf(id)).isEqualTo(1));

		Migration started = designer.migrations.createMigration(request()
			.addMappingsItem(new MigrationMapping().from(REMINDER).to(REMINDER_V2)));
		assertThat(started.getId()).isNotNull();
		assertThat(started.getInstances()).isEqualTo(3);
		assertThat(started.getRequestedBy()).isEqualTo(DemoUsers.DESIGNER);
		Migration done = await().atMost(Duration.ofSeconds(60))
			.until(() -> designer.migrations.getMigration(started.getId()),
					m -> m.getState() == Migration.StateEnum.COMPLETED);

		assertThat(done.getMigrated()).isEqualTo(3);
		assertThat(done.getFailed()).isZero();
		assertThat(instances).allSatisfy(id -> {
			assertThat(versionOf(id)).isEqualTo(2);
			assertThat(management.createJobQuery().processInstanceId(id).timers().list()).extracting(Job::getId)
				.hasSize(1);
			assertThat(management.createJobQuery().processInstanceId(id).activityId(REMINDER_V2).count()).isOne();
		});
		assertThat(CasegridClient.statusOf(() -> designer.migrations.createMigration(request()
			.addMappingsItem(new MigrationMapping().from(REMINDER).to(REMINDER_V2))))).as("nothing runs on version 1 any more")
			.isEqualTo(409);
	}

	@Test
	void eachInstructionCamundaRefusesIsListedWithItsFailures() throws Exception {
		deploy(version(1));
		start();
		deploy(version(2));

		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> new CasegridClient(port, DemoUsers.DESIGNER).migrations.createMigration(request().dryRun(true)
					.addMappingsItem(new MigrationMapping().from(REMINDER).to(REMINDER_V2))
					.addMappingsItem(new MigrationMapping().from("Task_Ghost").to("Task_Wait"))));

		assertThat(refused.getCode()).isEqualTo(400);
		JsonNode instructions = json.readTree(refused.getResponseBody()).get("instructions");
		assertThat(instructions).anySatisfy(instruction -> {
			assertThat(instruction.get("from").asText()).isEqualTo("Task_Ghost");
			assertThat(instruction.get("to").asText()).isEqualTo("Task_Wait");
			assertThat(instruction.get("failures")).isNotEmpty();
		});
	}

	@Test
	void unknownProcessesVersionsAndMigrationsAre404AndAVersionOntoItself409() throws Exception {
		deploy(version(1));
		CasegridClient designer = new CasegridClient(port, DemoUsers.DESIGNER);

		assertThat(CasegridClient.statusOf(() -> designer.migrations.createMigration(request().toVersion(9))))
			.isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> designer.migrations.createMigration(
				new MigrationRequest().process("Process_Nowhere").fromVersion(1).toVersion(2)))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> designer.migrations.getMigration(UUID.randomUUID()))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> designer.migrations.createMigration(request().toVersion(1))))
			.isEqualTo(409);
	}

	private MigrationRequest request() {
		return new MigrationRequest().process(key).fromVersion(1).toVersion(2);
	}

	private String start() {
		return runtime.startProcessInstanceByKey(key).getId();
	}

	private int versionOf(String instanceId) {
		String definitionId = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
			.getProcessDefinitionId();
		return repository.getProcessDefinition(definitionId).getVersion();
	}

	private void deploy(String bpmn) throws Exception {
		DeploymentForm form = DeploymentForm.named(key).resource("migrated.bpmn", bpmn);
		var response = new CasegridClient(port, DemoUsers.DESIGNER).post("/engine-rest/deployment/create",
				form.contentType(), form.body());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		deployments.add(json.readTree(response.body()).get("id").asText());
	}

	/**
	 * Instances wait at a receive task with a reminder timer on it; version 2 calls the timer {@code Timer_RemindLater}
	 * and adds a step after the wait.
	 */
	private String version(int version) {
		String reminder = version == 1 ? REMINDER : REMINDER_V2;
		String afterWait = version == 1 ? "End_" + key : "Task_Check";
		String added = version == 1 ? "" : """
				<bpmn:receiveTask id="Task_Check" name="核实" />
				<bpmn:sequenceFlow id="Flow_FromCheck" sourceRef="Task_Check" targetRef="End_%s" />
				""".formatted(key);
		return DeploymentForm.process(key, """
				<bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Start_%1$s" targetRef="Task_Wait" />
				<bpmn:receiveTask id="Task_Wait" name="等待" />
				<bpmn:boundaryEvent id="%2$s" name="提醒" attachedToRef="Task_Wait" cancelActivity="false">
				  <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				<bpmn:sequenceFlow id="Flow_Reminded" sourceRef="%2$s" targetRef="End_Reminded" />
				<bpmn:endEvent id="End_Reminded" />
				<bpmn:sequenceFlow id="Flow_FromWait" sourceRef="Task_Wait" targetRef="%3$s" />
				%4$s""".formatted(key, reminder, afterWait, added));
	}

}
