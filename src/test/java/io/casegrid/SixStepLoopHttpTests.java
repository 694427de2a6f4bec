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

/** A case goes report → dispatch → handle → feedback → evaluation → archive through the REST API alone. */
@HttpTest
class SixStepLoopHttpTests {

	@LocalServerPort
	int port;

	CasegridClient client;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port);
	}

	@Test
	void caseIsCarriedThroughTheSixStepsAndItsTimelineTellsTheStory() throws Exception {
		CaseDetail reported = client.intake.reportCase(CasegridClient.reportNeedingTriage(), UUID.randomUUID().toString());
		UUID caseId = reported.getId();
		assertThat(reported.getCaseNumber()).matches("JC-\\d{4}-\\d{6}");
		assertThat(reported.getStep()).isEqualTo(CaseStep.REPORTED);
		assertThat(reported.getLocation().getTownshipCode()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);

		Task dispatch = client.awaitTask(caseId, "Task_Dispatch");
		assertThat(client.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.FILED);
		assertThat(dispatch.getCandidateGroups()).containsExactly("dispatcher");
		assertThat(dispatch.getCaseNumber()).isEqualTo(reported.getCaseNumber());
		assertThat(dispatch.getOutcomes()).extracting(o -> o.getCode()).containsExactly("DISPATCH", "REJECT");
		client.tasks.completeTask(dispatch.getId(), new TaskCompletion().outcome("DISPATCH")
			.putFieldsItem("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1)
			.comment("请网格员尽快处理"));

		Task handle = client.awaitTask(caseId, "Task_HandleAtLevel");
		assertThat(client.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.DISPATCHED);
		assertThat(handle.getCandidateGroups()).containsExactly(DemoCounty.GRID_DONGGUAN_1);
		assertThat(handle.getOutcomes()).extracting(o -> o.getCode())
			.containsExactly("RESOLVED", "ESCALATE", "WHISTLE", "REQUEST_EXTENSION", "RETURN");
		Task claimed = client.tasks.claimTask(handle.getId());
		assertThat(claimed.getAssignee()).isEqualTo("api-client");
		assertThat(client.cases.getCase(caseId).getStep()).isEqualTo(CaseStep.HANDLING);
		client.tasks.completeTask(handle.getId(),
				new TaskCompletion().outcome("RESOLVED").putFieldsItem("resolution", "已拆除飞线，并张贴安全提示"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> client.cases.getCase(caseId).getStep(), step -> step == CaseStep.FEEDBACK);
		client.awaitTask(caseId, "Task_ReturnVisit");
		CaseDetail evaluated = client.feedback.evaluateCase(caseId,
				new Evaluation().score(EvaluationScore.SATISFIED).comment("处理及时"));
		assertThat(evaluated.getEvaluation().getScore()).isEqualTo(EvaluationScore.SATISFIED);
		assertThat(evaluated.getEvaluation().getDefaulted()).isFalse();

		CaseDetail archived = await().atMost(Duration.ofSeconds(30))
			.until(() -> client.cases.getCase(caseId), c -> c.getStep() == CaseStep.ARCHIVED);
		assertThat(archived.getHandlingUnit().getName()).isEqualTo("东关社区第一网格");
		assertThat(archived.getResolution()).isEqualTo("已拆除飞线，并张贴安全提示");
		assertThat(archived.getArchivedAt()).isNotNull();
		assertThat(archived.getTimeline()).extracting(TimelineEntry::getType)
			.containsExactly("REPORTED", "FILED", "DISPATCHED", "SIGNED_FOR", "RESOLVED", "RESULT_SENT", "EVALUATED",
					"ARCHIVED");
		assertThat(archived.getTimeline()).extracting(TimelineEntry::getActor)
			.containsExactly("api-client", "system", "api-client", "api-client", "api-client", "system", "api-client",
					"system");
		TimelineEntry dispatched = archived.getTimeline().get(2);
		assertThat(dispatched.getStep()).isEqualTo(CaseStep.DISPATCHED);
		assertThat(dispatched.getDetails()).containsEntry("handlingUnitCode", DemoCounty.GRID_DONGGUAN_1)
			.containsEntry("comment", "请网格员尽快处理");
		assertThat(client.tasks.listTasks(caseId, null, null, 0, 10).getTotal()).isZero();
	}

}
