package io.casegrid.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.Category;
import io.casegrid.client.model.Reporter;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.TimelineEntry;
import io.casegrid.client.model.WhistleRequest;
import io.casegrid.client.model.WhistleView;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Triage as apps see it: the catalogue, 智能派单 by rule, priority for vulnerable residents, and 人工研判. */
@HttpTest
class TriageHttpTests {

	@LocalServerPort
	int port;

	/** The grid worker of 东关社区第一网格, who reports. */
	CasegridClient client;

	CasegridClient dispatcher;

	CasegridClient mediator;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		mediator = new CasegridClient(port, DemoUsers.MEDIATOR_DONGGUAN);
	}

	@Test
	void catalogueListsCategoriesWithTheirRoutingFromTheDmn() throws Exception {
		List<Category> categories = client.catalog.listCategories();
		assertThat(categories).hasSizeGreaterThanOrEqualTo(30);
		assertThat(categories).extracting(Category::getName)
			.contains("飞线充电", "噪音油烟", "车辆乱停放", "楼宇破损", "管道泄漏", "排污外溢", "井盖丢失破损", "邻里纠纷", "物业纠纷",
					"婚姻家庭纠纷", "土地纠纷", "劳资纠纷", "火灾", "燃气泄漏", "汛情");
		Category manhole = categories.stream().filter(c -> c.getCode().equals("MANHOLE_COVER")).findFirst().orElseThrow();
		assertThat(manhole.getTrack()).isEqualTo("DEPARTMENT");
		assertThat(manhole.getDepartment().getName()).isEqualTo("县城市管理局");
		assertThat(categories).filteredOn(c -> c.getCode().equals("OTHER")).singleElement()
			.satisfies(other -> assertThat(other.getTrack()).isNull());
	}

	@Test
	void gridMatterIsDispatchedToItsGridByRule() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		Task handle = client.awaitTask(caseId, "Task_HandleAtLevel");
		assertThat(handle.getCandidateGroups()).containsExactly(DemoCounty.GRID_DONGGUAN_1);
		CaseDetail filed = client.cases.getCase(caseId);
		assertThat(filed.getTrack()).isEqualTo("GRID");
		assertThat(filed.getSlaClass()).isEqualTo("SMALL");
		assertThat(filed.getPriority()).isEqualTo("HIGH");
		assertThat(filed.getTimeline()).extracting(TimelineEntry::getType)
			.containsSubsequence("REPORTED", "FILED", "DISPATCHED");
		assertThat(client.tasks.listTasks(caseId, null, null, null, 0, 10).getItems()).extracting(Task::getTaskKey)
			.doesNotContain("Task_Dispatch");
	}

	@Test
	void departmentMatterGoesStraightToTheDepartmentOfItsKindAndTheTownshipIsCopied() throws Exception {
		CasegridClient department = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		UUID caseId = client.intake.reportCase(
				CasegridClient.flyingWireReport().categoryCode("MANHOLE_COVER").title("井盖丢失").description("路口井盖丢失"),
				null).getId();

		Task acknowledge = department.awaitTask(caseId, "Task_Acknowledge");
		assertThat(acknowledge.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		CaseDetail copied = dispatcher.cases.getCase(caseId);
		assertThat(copied.getDepartmentCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(copied.getHandlingUnit().getCode()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		assertThat(copied.getTimeline()).filteredOn(e -> e.getType().equals("WHISTLED")).singleElement()
			.satisfies(e -> assertThat(e.getDetails()).containsEntry("source", "TRIAGE"));
		assertThat(dispatcher.tasks.listTasks(caseId, null, null, null, 0, 10).getItems())
			.as("the township waits for the department's report").isEmpty();

		department.tasks.completeTask(acknowledge.getId(), new TaskCompletion().outcome("ACKNOWLEDGE"));
		department.tasks.completeTask(department.awaitTask(caseId, "Task_DepartmentHandle").getId(),
				new TaskCompletion().outcome("REPORTED").putFieldsItem("reportSummary", "已补装井盖"));
		assertThat(dispatcher.awaitTask(caseId, "Task_HandleAtLevel").getCandidateGroups())
			.containsExactly(DemoCounty.TOWNSHIP_CHENGGUAN);
	}

	@Test
	void theCopiedTownshipAddsADepartmentWhileTheFirstWorksAndTakesTheCaseUpWhenBothReported() throws Exception {
		CasegridClient urbanManagement = new CasegridClient(port, DemoUsers.OFFICER_URBAN_MANAGEMENT);
		CasegridClient water = new CasegridClient(port, DemoUsers.OFFICER_WATER);
		UUID caseId = client.intake.reportCase(
				CasegridClient.flyingWireReport().categoryCode("MANHOLE_COVER").title("井盖丢失").description("雨水井盖丢失"),
				null).getId();
		urbanManagement.awaitTask(caseId, "Task_Acknowledge");
		WhistleRequest addWater = new WhistleRequest().departments(List.of(DemoCounty.DEPARTMENT_WATER))
			.lead(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(CasegridClient.statusOf(() -> client.whistle.whistleDepartments(caseId, addWater)))
			.as("the grid worker does not work for the township").isEqualTo(403);

		WhistleView added = dispatcher.whistle.whistleDepartments(caseId, addWater);

		assertThat(added.getDepartments()).containsExactly(DemoCounty.DEPARTMENT_WATER);
		assertThat(added.getWhistledBy()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		Task waterAck = water.awaitTask(caseId, "Task_Acknowledge");
		assertThat(waterAck.getCandidateGroups()).containsExactly(DemoCounty.DEPARTMENT_WATER);
		assertThat(CasegridClient.statusOf(() -> dispatcher.whistle.whistleDepartments(caseId, addWater)))
			.as("called in already").isEqualTo(409);
		for (CasegridClient department : List.of(urbanManagement, water)) {
			department.tasks.completeTask(department.awaitTask(caseId, "Task_Acknowledge").getId(),
					new TaskCompletion().outcome("ACKNOWLEDGE"));
			assertThat(dispatcher.tasks.listTasks(caseId, null, null, null, 0, 10).getItems())
				.as("the township waits for every department").isEmpty();
			department.tasks.completeTask(department.awaitTask(caseId, "Task_DepartmentHandle").getId(),
					new TaskCompletion().outcome("REPORTED").putFieldsItem("reportSummary", "已处置"));
		}
		assertThat(dispatcher.awaitTask(caseId, "Task_HandleAtLevel").getCandidateGroups())
			.containsExactly(DemoCounty.TOWNSHIP_CHENGGUAN);
	}

	@Test
	void registeredVulnerableResidentRaisesThePriority() throws Exception {
		UUID registered = client.intake.reportCase(CasegridClient.flyingWireReport()
			.categoryCode("GARBAGE")
			.reporter(new Reporter().name("刘奶奶").phone("139 0000 0001")), null).getId();
		UUID tagged = client.intake.reportCase(CasegridClient.flyingWireReport()
			.categoryCode("GARBAGE")
			.reporter(new Reporter().name("王某").phone("13812345678").addTagsItem("SEVERE_DISABILITY")), null).getId();
		UUID ordinary = client.intake.reportCase(CasegridClient.flyingWireReport().categoryCode("GARBAGE"), null).getId();

		client.awaitTask(registered, "Task_HandleAtLevel");
		client.awaitTask(tagged, "Task_HandleAtLevel");
		client.awaitTask(ordinary, "Task_HandleAtLevel");
		CaseDetail fromRegistry = client.cases.getCase(registered);
		assertThat(fromRegistry.getVulnerable()).isTrue();
		assertThat(fromRegistry.getReporter().getTags()).containsExactly("LIVING_ALONE_ELDERLY");
		assertThat(fromRegistry.getPriority()).isEqualTo("HIGH");
		assertThat(client.cases.getCase(tagged).getPriority()).isEqualTo("HIGH");
		assertThat(client.cases.getCase(ordinary).getPriority()).isEqualTo("NORMAL");
	}

	@Test
	void manualTriagePicksTheTrackAndTheCaseFollowsIt() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.reportNeedingTriage()
			.title("两户为宅基地边界争吵")
			.description("两户邻居为宅基地边界争吵多日"), null).getId();
		Task triage = dispatcher.awaitTask(caseId, "Task_Dispatch");
		assertThat(client.cases.getCase(caseId).getTrack()).isNull();
		dispatcher.tasks.completeTask(triage.getId(), new TaskCompletion().outcome("DISPATCH")
			.putFieldsItem("handlingUnitCode", DemoCounty.VILLAGE_DONGGUAN)
			.putFieldsItem("track", "DISPUTE"));

		Task accept = mediator.awaitTask(caseId, "Task_AcceptDispute");
		assertThat(accept.getCandidateGroups()).containsExactly("mediation:" + DemoCounty.VILLAGE_DONGGUAN);
		assertThat(client.cases.getCase(caseId).getTrack()).isEqualTo("DISPUTE");
		assertThat(client.cases.getCase(caseId).getTimeline()).extracting(TimelineEntry::getType)
			.containsSubsequence("FILED", "TRIAGED", "DISPATCHED", "MEDIATION_RECEIVED");
	}

	@Test
	void gasLeakReportedAsAPipeLeakGoesStraightToCountyCommand() throws Exception {
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport()
			.categoryCode("PIPE_LEAK")
			.title("楼道有味道")
			.description("2单元楼道里燃气泄漏，味道很大"), null).getId();

		Task acknowledge = new CasegridClient(port, DemoUsers.CENTRE).awaitTask(caseId, "Task_CountyAcknowledge");
		assertThat(acknowledge.getCandidateGroups()).containsExactly("county-command");
		CaseDetail filed = client.cases.getCase(caseId);
		assertThat(filed.getCategoryCode()).isEqualTo("PIPE_LEAK");
		assertThat(filed.getTrack()).isEqualTo("EMERGENCY");
		assertThat(filed.getDepartmentCode()).isEqualTo("149901-RQ");
	}

}
