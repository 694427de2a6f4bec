package io.casegrid.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.CaseSla;
import io.casegrid.client.model.ClockState;
import io.casegrid.client.model.EscalationRequest;
import io.casegrid.client.model.EscalationView;
import io.casegrid.client.model.PendingTimer;
import io.casegrid.client.model.ResponseLevel;
import io.casegrid.client.model.SlaClockView;
import io.casegrid.client.model.SlaPause;
import io.casegrid.client.model.SlaPhase;
import io.casegrid.client.model.Task;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SLA clocks and escalation timers as a dashboard sees them through the API. Time moves by the engine clock (same
 * JVM); due timers are fired by the job executor or, to be quick, by the test — whichever gets a job first runs it.
 */
@HttpTest
class SlaHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	/** The grid worker of 东关社区第一网格, whose grid handles the case first. */
	CasegridClient client;

	CasegridClient township;

	CasegridClient centre;

	@BeforeEach
	void connect() {
		client = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		township = new CasegridClient(port, DemoUsers.DISPATCHER_CHENGGUAN);
		centre = new CasegridClient(port, DemoUsers.CENTRE);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void clockGoesRunningAtRiskBreachedAndTheCaseMovesUpToTheTownship() throws Exception {
		UUID caseId = dispatchedToTheGrid();
		SlaClockView grid = only(client.sla.getCaseSla(caseId));
		assertThat(grid.getState()).isEqualTo(ClockState.RUNNING);
		assertThat(grid.getLevel()).isEqualTo(ResponseLevel.GRID);
		assertThat(grid.getUnitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(grid.getLimit()).isEqualTo("PT2H");
		assertThat(grid.getCounting()).isEqualTo(SlaClockView.CountingEnum.WORKING);
		assertThat(Duration.parse(grid.getRemaining())).isPositive();
		Task handle = client.awaitTask(caseId, "Task_HandleAtLevel");
		assertThat(handle.getDue()).isEqualTo(grid.getDueAt());
		assertThat(handle.getSlaState()).isEqualTo(ClockState.RUNNING);

		List<PendingTimer> timers = client.escalation.getCaseTimers(caseId);
		assertThat(timers).extracting(PendingTimer::getAction).containsExactly("WARN", "ESCALATE_TO_TOWNSHIP");
		assertThat(timers.get(1).getDueAt()).isEqualTo(grid.getDueAt());
		assertThat(timers.get(1).getName()).isEqualTo("办结时限届满");
		assertThat(timers.get(1).getDescription()).contains(DemoCounty.TOWNSHIP_CHENGGUAN);

		moveTo(grid.getWarnAt().toInstant().plusSeconds(1));
		fireDueTimers(caseId);
		SlaClockView atRisk = await().atMost(Duration.ofSeconds(30))
			.until(() -> only(client.sla.getCaseSla(caseId)), c -> c.getWarnedAt() != null);
		assertThat(atRisk.getState()).isEqualTo(ClockState.AT_RISK);
		assertThat(atRisk.getHistory()).extracting(e -> e.getType()).containsExactly("STARTED", "WARNED");
		assertThat(client.tasks.getTask(handle.getId()).getSlaState()).isEqualTo(ClockState.AT_RISK);
		assertThat(centre.sla.listAtRiskClocks(DemoCounty.GRID_DONGGUAN_1, null, null, null, null, 0, 200).getItems())
			.extracting(SlaClockView::getId)
			.contains(grid.getId());
		assertThat(township.sla.listAtRiskClocks(null, null, null, null, null, 0, 200).getItems())
			.as("a township's board shows its own at-risk clocks")
			.extracting(SlaClockView::getId)
			.contains(grid.getId());
		assertThat(new CasegridClient(port, DemoUsers.DISPATCHER_HEXI).sla
			.listAtRiskClocks(null, null, null, null, null, 0, 200)
			.getItems()).as("and not another township's")
			.extracting(SlaClockView::getId)
			.doesNotContain(grid.getId());
		assertThat(client.escalation.getCaseTimers(caseId)).extracting(PendingTimer::getAction)
			.containsExactly("ESCALATE_TO_TOWNSHIP");

		moveTo(grid.getDueAt().toInstant().plusSeconds(1));
		fireDueTimers(caseId);
		Task townshipTask = await().atMost(Duration.ofSeconds(30))
			.until(() -> township.tasks.listTasks(caseId, null, null, null, 0, 10).getItems(),
					tasks -> tasks.size() == 1
							&& tasks.get(0).getCandidateGroups().contains(DemoCounty.TOWNSHIP_CHENGGUAN))
			.get(0);
		assertThat(townshipTask.getTaskKey()).isEqualTo("Task_HandleAtLevel");
		assertThat(townshipTask.getSlaState()).isEqualTo(ClockState.RUNNING);

		List<SlaClockView> clocks = handling(client.sla.getCaseSla(caseId));
		assertThat(clocks).extracting(SlaClockView::getLevel).containsExactly(ResponseLevel.GRID, ResponseLevel.TOWNSHIP);
		assertThat(clocks).extracting(SlaClockView::getState).containsExactly(ClockState.BREACHED, ClockState.RUNNING);
		assertThat(townshipTask.getDue()).isEqualTo(clocks.get(1).getDueAt());
		assertThat(centre.sla.listBreachedClocks(null, ResponseLevel.GRID, null, null, null, 0, 200).getItems())
			.extracting(SlaClockView::getId)
			.contains(grid.getId());
		assertThat(client.escalation.getCaseTimers(caseId)).extracting(PendingTimer::getAction)
			.containsExactly("WARN", "ESCALATE_TO_COUNTY");
		List<EscalationView> escalations = centre.escalation.listEscalations(caseId, null, null, null, null, 0, 10)
			.getItems();
		assertThat(escalations).singleElement().satisfies(e -> {
			assertThat(e.getTrigger()).isEqualTo(EscalationView.TriggerEnum.SLA_BREACH);
			assertThat(e.getToUnit()).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		});
		assertThat(client.cases.getCase(caseId).getTimeline()).extracting(e -> e.getType())
			.contains("SLA_WARNED", "ESCALATED");
	}

	@Test
	void handlerEscalatesByHandThroughTheApiAndPauseHoldsTheTimers() throws Exception {
		UUID caseId = dispatchedToTheGrid();

		EscalationView escalation = client.escalation.escalateCase(caseId,
				new EscalationRequest().reason("涉及多户，需街道协调"));
		assertThat(escalation.getTrigger()).isEqualTo(EscalationView.TriggerEnum.MANUAL);
		assertThat(escalation.getFromLevel()).isEqualTo(ResponseLevel.GRID);
		assertThat(escalation.getToLevel()).isEqualTo(ResponseLevel.TOWNSHIP);
		assertThat(escalation.getActor()).isEqualTo(DemoUsers.GRID_WORKER_DONGGUAN_1);
		assertThat(handling(client.sla.getCaseSla(caseId))).extracting(SlaClockView::getState)
			.containsExactly(ClockState.ESCALATED, ClockState.RUNNING);

		CaseSla paused = township.sla.pauseCaseSla(caseId, new SlaPause().reason("等待诉求人补充材料"));
		assertThat(handling(paused).get(1).getState()).isEqualTo(ClockState.PAUSED);
		assertThat(client.escalation.getCaseTimers(caseId)).allMatch(PendingTimer::getHeld).hasSize(2);
		assertThat(CasegridClient.statusOf(() -> township.sla.pauseCaseSla(caseId, new SlaPause().reason("again"))))
			.isEqualTo(409);

		CaseSla resumed = township.sla.resumeCaseSla(caseId);
		assertThat(handling(resumed).get(1).getState()).isEqualTo(ClockState.RUNNING);
		assertThat(handling(resumed).get(1).getHistory()).extracting(e -> e.getType())
			.containsExactly("STARTED", "PAUSED", "RESUMED");
		assertThat(client.escalation.getCaseTimers(caseId)).noneMatch(PendingTimer::getHeld)
			.extracting(PendingTimer::getAction)
			.containsExactly("WARN", "ESCALATE_TO_COUNTY");
		assertThat(CasegridClient.statusOf(() -> township.sla.resumeCaseSla(caseId))).isEqualTo(409);
		assertThat(CasegridClient.statusOf(() -> client.sla.getCaseSla(UUID.randomUUID()))).isEqualTo(404);
	}

	private UUID dispatchedToTheGrid() throws Exception {
		// triage places a flying-wire report with its grid, as a small matter (小事: two working hours)
		UUID caseId = client.intake.reportCase(CasegridClient.flyingWireReport(), null).getId();
		client.awaitTask(caseId, "Task_HandleAtLevel");
		return caseId;
	}

	/** The case's only 办结 clock (besides it run 派单, 签收 … clocks of their own phases). */
	private static SlaClockView only(CaseSla sla) {
		assertThat(handling(sla)).hasSize(1);
		return handling(sla).get(0);
	}

	private static List<SlaClockView> handling(CaseSla sla) {
		return sla.getClocks().stream().filter(c -> c.getPhase() == SlaPhase.HANDLING).toList();
	}

	private static void moveTo(Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
	}

	/** Runs the case's due timers now rather than waiting for the job executor's next acquisition. */
	private void fireDueTimers(UUID caseId) {
		for (PendingTimer timer : listTimers(caseId)) {
			if (!timer.getDueAt().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
				Job job = management.createJobQuery().jobId(timer.getJobId()).singleResult();
				if (job == null) {
					continue;
				}
				try {
					management.executeJob(job.getId());
				}
				catch (ProcessEngineException ex) {
					// the job executor took it first
				}
			}
		}
	}

	private List<PendingTimer> listTimers(UUID caseId) {
		try {
			return client.escalation.getCaseTimers(caseId);
		}
		catch (io.casegrid.client.ApiException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
