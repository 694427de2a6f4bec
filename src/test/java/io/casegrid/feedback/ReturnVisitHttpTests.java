package io.casegrid.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.Evaluation;
import io.casegrid.client.model.EvaluationScore;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.Task;
import io.casegrid.client.model.TaskCompletion;
import io.casegrid.client.model.TimelineEntry;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 评价后回访 through the API: the resident's own 不满意, sent by the app they reported with, puts a visit in the
 * worklist of the community that owns the place, on its 回访 clock; the visit's record goes on the timeline.
 */
@HttpTest
class ReturnVisitHttpTests {

	@LocalServerPort
	int port;

	@Test
	void residentsOwnDissatisfactionPutsAVisitInTheCommunitysWorklistAndItsRecordOnTheTimeline() throws Exception {
		CasegridClient app = CasegridClient.app(port, DemoUsers.THIRD_PARTY_APP, DemoUsers.THIRD_PARTY_APP_SECRET);
		CasegridClient gridWorker = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		CasegridClient gridLead = new CasegridClient(port, DemoUsers.GRID_LEAD_DONGGUAN);
		CasegridClient township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		UUID caseId = app.residentsCaseWaitingForEvaluation(gridWorker);

		app.feedback.evaluateCase(caseId, new Evaluation().score(EvaluationScore.DISSATISFIED).comment("飞线又拉上了"));

		Task visit = gridLead.awaitTask(caseId, "Task_FollowUpVisit");
		assertThat(visit.getCandidateGroups()).containsExactly(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(visit.getOutcomes()).extracting(o -> o.getCode()).containsExactly("REACHED", "UNREACHABLE");
		assertThat(gridLead.tasks.listTasks(caseId, DemoCounty.VILLAGE_DONGGUAN, null, null, 0, 20).getItems())
			.extracting(Task::getId)
			.contains(visit.getId());
		assertThat(township.sla.getCaseSla(caseId).getClocks())
			.filteredOn(c -> c.getPhase() == SlaPhase.RETURN_VISIT && c.getState() == ClockState.RUNNING)
			.extracting(c -> c.getUnitCode())
			.as("the follow-up visit's 回访 clock runs on the community")
			.containsExactly(DemoCounty.VILLAGE_DONGGUAN);
		gridLead.tasks.completeTask(visit.getId(), new TaskCompletion().outcome("REACHED")
			.putFieldsItem("visitRecord", "上门核实：飞线已再次拉设，已告知重办")
			.comment("与网格员同去"));

		TimelineEntry visited = await().atMost(Duration.ofSeconds(30))
			.until(() -> gridLead.cases.getCase(caseId)
				.getTimeline()
				.stream()
				.filter(e -> e.getType().equals("FOLLOW_UP_VISITED"))
				.findFirst()
				.orElse(null), e -> e != null);
		assertThat(visited.getActor()).isEqualTo(DemoUsers.GRID_LEAD_DONGGUAN);
		assertThat(visited.getSummary()).isEqualTo("评价后回访：已回访（上门核实：飞线已再次拉设，已告知重办）");
		assertThat(visited.getDetails()).containsEntry("comment", "与网格员同去");
		assertThat(township.sla.getCaseSla(caseId).getClocks())
			.filteredOn(c -> c.getPhase() == SlaPhase.RETURN_VISIT && c.getUnitCode().equals(DemoCounty.VILLAGE_DONGGUAN))
			.extracting(c -> c.getState())
			.as("the visit on the resident's return and the follow-up visit, both closed")
			.containsExactly(ClockState.MET, ClockState.MET);
		assertThat(gridLead.tasks.listTasks(caseId, null, null, null, 0, 20).getItems())
			.extracting(Task::getTaskKey)
			.doesNotContain("Task_FollowUpVisit");
	}

}
