package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseSummary;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Authorization by place: what someone may see and do depends on where they sit in the org tree (from their token),
 * and what lies outside their place does not exist for them (404, not 403). Reports "needing triage" wait for a
 * dispatcher (Task_Dispatch); a flying-wire report goes to its grid by rule.
 */
@HttpTest
class PlaceScopeHttpTests {

	@LocalServerPort
	int port;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void gridWorkerOfAnotherGridGets404ForTheCaseAndDoesNotListIt() throws Exception {
		CasegridClient gridA = as(DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient gridB = as(DemoUsers.GRID_WORKER_DONGGUAN_2);
		UUID caseId = gridA.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();

		assertThat(gridA.cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(CasegridClient.statusOf(() -> gridB.cases.getCase(caseId))).isEqualTo(404);
		assertThat(gridB.cases.listCases(null, null, null, null, null, null, null, 0, 200).getItems())
			.extracting(CaseSummary::getId)
			.doesNotContain(caseId);
		assertThat(gridA.cases.listCases(null, null, null, null, null, null, null, 0, 200).getItems())
			.extracting(CaseSummary::getId)
			.contains(caseId);
	}

	@Test
	void higherUnitsSeeTheCasesBelowThemAndOtherTownshipsDoNot() throws Exception {
		UUID caseId = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(CasegridClient.flyingWireReport(), null)
			.getId();

		assertThat(as(DemoUsers.GRID_LEAD_DONGGUAN).cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(as(DemoUsers.DISPATCHER_CHENGGUAN).cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(centre.cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(as(DemoUsers.AUDITOR).cases.getCase(caseId).getId()).isEqualTo(caseId);
		assertThat(CasegridClient.statusOf(() -> as(DemoUsers.DISPATCHER_HEXI).cases.getCase(caseId))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> as(DemoUsers.MEDIATOR_DONGGUAN).cases.getCase(caseId)))
			.as("a mediator sees disputes only, not a flying-wire report of their village")
			.isEqualTo(404);
	}

	@Test
	void townshipDispatcherGetsTheDispatchTasksOfTheirTownshipOnly() throws Exception {
		UUID caseId = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(CasegridClient.reportNeedingTriage(), null)
			.getId();
		Task dispatch = as(DemoUsers.DISPATCHER_CHENGGUAN).awaitTask(caseId, "Task_Dispatch");

		CasegridClient otherTownship = as(DemoUsers.DISPATCHER_HEXI);
		assertThat(otherTownship.tasks.listTasks(null, "dispatcher", null, null, 0, 200).getItems()).extracting(Task::getId)
			.doesNotContain(dispatch.getId());
		assertThat(CasegridClient.statusOf(() -> otherTownship.tasks.getTask(dispatch.getId()))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> otherTownship.tasks.claimTask(dispatch.getId()))).isEqualTo(404);
	}

	@Test
	void whoSeesTheTaskButIsNoCandidateIsForbiddenToTakeIt() throws Exception {
		CasegridClient gridWorker = as(DemoUsers.GRID_WORKER_DONGGUAN_1);
		UUID caseId = gridWorker.intake.reportCase(CasegridClient.reportNeedingTriage(), null).getId();
		Task dispatch = centre.awaitTask(caseId, "Task_Dispatch");

		assertThat(gridWorker.tasks.getTask(dispatch.getId()).getTaskKey()).isEqualTo("Task_Dispatch");
		assertThat(gridWorker.tasks.listTasks(caseId, null, null, null, 0, 50).getItems()).isEmpty();
		assertThat(CasegridClient.statusOf(() -> gridWorker.tasks.claimTask(dispatch.getId()))).isEqualTo(403);
		assertThat(CasegridClient.statusOf(() -> gridWorker.tasks.completeTask(dispatch.getId(),
				new TaskCompletion().outcome("REJECT").putFieldsItem("rejectReason", "x"))))
			.isEqualTo(403);
		assertThat(centre.tasks.getTask(dispatch.getId()).getAssignee()).as("nothing changed").isNull();
	}

	@Test
	void departmentOfficerSeesOnlyTheCasesTheirDepartmentHandles() throws Exception {
		UUID caseId = as(DemoUsers.GRID_WORKER_DONGGUAN_1).intake.reportCase(CasegridClient.reportNeedingTriage(), null)
			.getId();
		CasegridClient urbanManagement = as(DemoUsers.OFFICER_URBAN_MANAGEMENT);
		CasegridClient housing = as(DemoUsers.OFFICER_HOUSING);
		assertThat(CasegridClient.statusOf(() -> urbanManagement.cases.getCase(caseId)))
			.as("not yet dispatched to the department")
			.isEqualTo(404);

		Task dispatch = centre.awaitTask(caseId, "Task_Dispatch");
		centre.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("DISPATCH")
			.putFieldsItem("handlingUnitCode", DemoCounty.DEPARTMENT_URBAN_MANAGEMENT));

		Task handle = urbanManagement.awaitTask(caseId, "Task_HandleAtLevel");
		assertThat(handle.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(urbanManagement.cases.getCase(caseId).getHandlingUnit().getCode())
			.isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(CasegridClient.statusOf(() -> housing.cases.getCase(caseId))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> housing.tasks.getTask(handle.getId()))).isEqualTo(404);
		assertThat(urbanManagement.tasks.claimTask(handle.getId()).getAssignee())
			.isEqualTo(DemoUsers.OFFICER_URBAN_MANAGEMENT);
	}

	@Test
	void mediatorOfOneVillageCannotCompleteATaskOfAnother() throws Exception {
		var dispute = CasegridClient.flyingWireReport()
			.categoryCode("NEIGHBOUR_DISPUTE")
			.title("邻里纠纷：宅基地边界")
			.description("河西村两户因宅基地边界发生争执。");
		dispute.getLocation().address("河西村").unitCode(DemoCounty.GRID_HEXI_1);
		UUID caseId = centre.intake.reportCase(dispute, null).getId();
		CasegridClient hexiMediator = as(DemoUsers.MEDIATOR_HEXI);
		CasegridClient dongguanMediator = as(DemoUsers.MEDIATOR_DONGGUAN);

		Task accept = hexiMediator.awaitTask(caseId, "Task_AcceptDispute");
		assertThat(accept.getCandidateGroups()).containsExactly("mediation:149901102201");

		assertThat(CasegridClient.statusOf(() -> dongguanMediator.cases.getCase(caseId))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> dongguanMediator.tasks.getTask(accept.getId()))).isEqualTo(404);
		assertThat(CasegridClient.statusOf(() -> dongguanMediator.tasks.completeTask(accept.getId(),
				new TaskCompletion().outcome("ACCEPT")
					.putFieldsItem("parties", "甲；乙")
					.putFieldsItem("disputeSummary", "宅基地边界"))))
			.isEqualTo(404);
		assertThat(dongguanMediator.tasks.listTasks(caseId, null, null, null, 0, 50).getItems()).isEmpty();

		hexiMediator.tasks.completeTask(accept.getId(), new TaskCompletion().outcome("ACCEPT")
			.putFieldsItem("parties", "甲；乙")
			.putFieldsItem("disputeSummary", "宅基地边界"));
		assertThat(hexiMediator.awaitTask(caseId, "Task_VillageMediation")).isNotNull();
	}

	private CasegridClient as(String username) {
		return new CasegridClient(port, username);
	}

}
