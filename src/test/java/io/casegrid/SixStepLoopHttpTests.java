package io.casegrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.client.model.CaseDetail;
import io.casegrid.client.model.CaseStep;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.TimelineEntry;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A case goes report → dispatch → handle → feedback → evaluation → archive through the REST API alone, each step
 * done by the person whose job it is: the grid worker reports and handles, the township dispatcher dispatches, the
 * county centre records the resident's evaluation.
 */
@HttpTest
class SixStepLoopHttpTests {

	@LocalServerPort
	int port;

	CasegridClient gridWorker;

	CasegridClient dispatcher;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		dispatcher = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@Test
	void caseIsCarriedThroughTheSixStepsAndItsTimelineTellsTheStory() throws Exception {
		CaseDetail reported = gridWorker.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString());
		UUID caseId = reported.getId();
		assertThat(reported.getCaseNumber()).matches("JC-\\d{4}-\\d{6}");
		assertThat(reported.getStep()).isEqualTo(CaseStep.REPORTED);
		assertThat(reported.getLocation().getTownshipCode()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);

		Task dispatch = dispatcher.awaitTask(caseId, "Task_Dispatch");
		assertThat(dispatcher.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.FILED);
		assertThat(dispatch.getCandidateGroups()).containsExactly("dispatcher");
		assertThat(dispatch.getCaseNumber()).isEqualTo(reported.getCaseNumber());
		assertThat(dispatch.getOutcomes()).extracting(o -> o.getCode()).containsExactly("DISPATCH", "REJECT");
		dispatcher.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("DISPATCH")
			.putFieldsItem("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1)
			.comment("请网格员尽快处理"));

		Task handle = gridWorker.awaitTask(caseId, "Task_HandleAtLevel");
		assertThat(gridWorker.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.DISPATCHED);
		assertThat(handle.getCandidateGroups()).containsExactly(DemoCounty.GRID_DONGGUAN_1);
		assertThat(handle.getOutcomes()).extracting(o -> o.getCode())
			.containsExactly("RESOLVED", "ESCALATE", "WHISTLE", "REQUEST_EXTENSION", "RETURN");
		Task claimed = gridWorker.tasks.claimTask(handle.getId());
		assertThat(claimed.getAssignee()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(gridWorker.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.HANDLING);
		gridWorker.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线，并张贴安全提示"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> centre.cases.getCase(caseId).getStep(), step -> step == CaseStep.FEEDBACK);
		// 回访 by the community that owns the place: 东关社区's grid lead
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		assertThat(gridLead.awaitTask(caseId, "Task_ReturnVisit").getCandidateGroups())
			.containsExactly(DemoCounty.VILLAGE_DONGGUAN);
		CaseDetail evaluated = gridLead.feedback.evaluateCase(caseId,
				new Evaluation().score(EvaluationScore.SATISFIED).comment("处理及时"));
		assertThat(evaluated.getEvaluation().getScore()).isEqualTo(EvaluationScore.SATISFIED);
		assertThat(evaluated.getEvaluation().getDefaulted()).isFalse();

		CaseDetail archived = await().atMost(Duration.ofSeconds(30))
			.until(() -> gridWorker.cases.getCase(caseId), c -> c.getStep() == CaseStep.ARCHIVED);
		assertThat(archived.getHandlingUnit().getName()).isEqualTo("东关社区第一网格");
		assertThat(archived.getResolution()).isEqualTo("已拆除飞线，并张贴安全提示");
		assertThat(archived.getArchivedAt()).isNotNull();
		assertThat(archived.getTimeline()).extracting(TimelineEntry::getType)
			.containsExactly("REPORTED", "FILED", "DISPATCHED", "SIGNED_FOR", "RESOLVED", "RESULT_SENT", "EVALUATED",
					"ARCHIVED");
		assertThat(archived.getTimeline()).extracting(TimelineEntry::getActor)
			.containsExactly(DemoUsers.GRID_WORKER_DONGGUAN_1, "system", DemoUsers.DISPATCHER_CHENGGUAN,
					DemoUsers.GRID_WORKER_DONGGUAN_1, DemoUsers.GRID_WORKER_DONGGUAN_1, "system", DemoUsers.GRID_LEAD_DONGGUAN,
					"system");
		TimelineEntry dispatched = archived.getTimeline().get(2);
		assertThat(dispatched.getStep()).isEqualTo(CaseStep.DISPATCHED);
		assertThat(dispatched.getDetails()).containsEntry("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1)
			.containsEntry("comment", "请网格员尽快处理");
		assertThat(centre.tasks.listTasks(caseId, null, null, null, 0, 10).getTotal()).isZero();
	}

}
