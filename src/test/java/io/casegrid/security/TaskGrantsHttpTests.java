package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.casegrid.CasegridClient;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's default would grant every task's candidate groups and assignee rights on that task in the engine; grants
 * come from realm roles only ({@link EngineAuthorizations}), so a case's tasks leave no authorization rows behind.
 */
@HttpTest
class TaskGrantsHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	AuthorizationService authorizations;

	@Test
	void aCandidateGroupAndAClaimGrantNothingOnTheTaskInTheEngine() throws Exception {
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		String taskId = gridWorker.awaitTask(caseId, "Task_HandleAtLevel").getId();

		assertThat(gridWorker.tasks.claimTask(taskId).getAssignee()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);

		assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count())
			.isZero();
	}

}
