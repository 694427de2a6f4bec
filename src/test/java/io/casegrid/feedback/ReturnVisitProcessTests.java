package io.casegrid.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.EvaluationSource;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.sla.ClockState;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClock;
import io.casegrid.sla.SlaClocks;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * 评价后回访 ({@code return-visit-policy.dmn}, {@code return-visit.bpmn}) on the real engine: which evaluations the
 * place's unit visits after, and that the visit runs beside the loop on its RETURN_VISIT clock. The sample bucket is
 * the last two digits of the case number, which the tests' case numbers ({@code T-} and the id's first eight hex
 * digits) end in by choice of id.
 */
class ReturnVisitProcessTests extends EngineTestSupport {

	/** A bucket in the default 10 % sample of resident 满意/基本满意, and one outside it. */
	private static final String IN_SAMPLE = "03";

	private static final String OUT_OF_SAMPLE = "57";

	@Autowired
	SlaClocks clocks;

	@Test
	void residentDissatisfiedIsVisitedByThePlacesUnitOnItsReturnVisitClockWhileTheRedoGoesOn() {
		UUID id = handledCase(OUT_OF_SAMPLE);
		ProcessInstance lifecycle = lifecycle(id);

		processes.deliverEvaluation(id, "DISSATISFIED", "还在充电", EvaluationSource.RESIDENT, "third-party-app");

		assertThat(lifecycle).hasPassed(Ids.TASK_RETURN_VISIT_POLICY, Ids.TASK_REQUEST_FOLLOW_UP_VISIT)
			.isWaitingAt(Ids.CALL_HANDLE);
		ProcessInstance visit = visit(id);
		assertThat(visit).isWaitingAt(ReturnVisitProcess.Ids.TASK_FOLLOW_UP_VISIT);
		assertThat(task(visit)).hasCandidateGroup(DemoCounty.VILLAGE_DONGGUAN);
		SlaClock clock = openVisitClock(id);
		assertThat(clock.unitCode()).isEqualTo(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(clock.limit().iso()).isEqualTo("P3D");
		assertThat(clock.dueAt()).isAfter(clock.startedAt());

		complete(task(visit), withVariables(ReturnVisitProcess.Vars.FOLLOW_UP_VISIT_RESULT, "REACHED",
				ReturnVisitProcess.Vars.VISIT_RECORD, "居民说飞线仍在，已告知重办"));

		assertThat(visit).hasPassed(ReturnVisitProcess.Ids.TASK_FOLLOW_UP_VISIT)
			.isEnded();
		assertThat(clocks.get(clock.id()).stateAt(clocks.now())).isEqualTo(ClockState.MET);
		assertThat(types(id)).containsSubsequence("EVALUATED", "FOLLOW_UP_VISIT_REQUESTED", "REDO",
				"FOLLOW_UP_VISITED");
		TimelineEntry visited = files.timelineOf(id).stream()
			.filter(e -> e.type().equals("FOLLOW_UP_VISITED"))
			.findFirst()
			.orElseThrow();
		assertThat(visited.summary()).isEqualTo("评价后回访：已回访（居民说飞线仍在，已告知重办）");
	}

	@Test
	void residentSatisfiedInTheSampleIsVisitedAndTheCaseIsArchivedWithoutWaiting() {
		UUID id = handledCase(IN_SAMPLE);

		processes.deliverEvaluation(id, "SATISFIED", null, EvaluationSource.RESIDENT, "third-party-app");

		assertThat(lifecycle(id)).hasPassed(Ids.TASK_REQUEST_FOLLOW_UP_VISIT).isWaitingAt(Ids.TASK_ARCHIVE);
		assertThat(visit(id)).isWaitingAt(ReturnVisitProcess.Ids.TASK_FOLLOW_UP_VISIT);
		assertThat(task(visit(id))).hasCandidateGroup(DemoCounty.VILLAGE_DONGGUAN);
	}

	@Test
	void residentSatisfiedOutOfTheSampleIsNotVisited() {
		UUID id = handledCase(OUT_OF_SAMPLE);

		processes.deliverEvaluation(id, "BASICALLY_SATISFIED", null, EvaluationSource.RESIDENT, "third-party-app");

		assertThat(lifecycle(id)).hasPassed(Ids.TASK_RETURN_VISIT_POLICY)
			.hasNotPassed(Ids.TASK_REQUEST_FOLLOW_UP_VISIT)
			.isWaitingAt(Ids.TASK_ARCHIVE);
		assertThat(visit(id)).isNull();
	}

	@Test
	void dissatisfiedCollectedByStaffOnTheReturnVisitIsNotVisitedAgain() {
		UUID id = handledCase(IN_SAMPLE);
		ProcessInstance lifecycle = lifecycle(id);

		complete(task(lifecycle), withVariables(Vars.EVALUATION_SCORE, "DISSATISFIED"));

		assertThat(lifecycle).hasPassed(Ids.TASK_RETURN_VISIT_POLICY)
			.hasNotPassed(Ids.TASK_REQUEST_FOLLOW_UP_VISIT)
			.isWaitingAt(Ids.CALL_HANDLE);
		assertThat(visit(id)).isNull();
	}

	@Test
	void dissatisfiedRelayedByStaffFromTheirVisitIsNotVisitedAgain() {
		UUID id = handledCase(IN_SAMPLE);

		processes.deliverEvaluation(id, "DISSATISFIED", null, EvaluationSource.VISIT, "gridlead-dg");

		assertThat(lifecycle(id)).hasPassed(Ids.TASK_RETURN_VISIT_POLICY)
			.hasNotPassed(Ids.TASK_REQUEST_FOLLOW_UP_VISIT)
			.isWaitingAt(Ids.CALL_HANDLE);
		assertThat(visit(id)).isNull();
	}

	@Test
	void satisfiedByDefaultWhenTheEvaluationPeriodEndsIsNotVisited() {
		UUID id = handledCase(IN_SAMPLE);
		ProcessInstance lifecycle = lifecycle(id);
		Date due = (Date) runtime.getVariable(lifecycle.getId(), Vars.EVALUATION_DUE_AT);

		ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(1)));
		execute(management.createJobQuery().processInstanceId(lifecycle.getId()).timers().executable().singleResult());

		assertThat(lifecycle).hasPassed(Ids.TASK_DEFAULT_EVALUATION, Ids.TASK_RETURN_VISIT_POLICY)
			.hasNotPassed(Ids.TASK_REQUEST_FOLLOW_UP_VISIT)
			.isWaitingAt(Ids.TASK_ARCHIVE);
		assertThat(visit(id)).isNull();
	}

	/** Reported, dispatched to the grid, resolved, result sent: waiting for the evaluation. */
	private UUID handledCase(String sampleBucket) {
		String random = UUID.randomUUID().toString();
		UUID id = UUID.fromString(random.substring(0, 6) + sampleBucket + random.substring(8));
		ProcessInstance lifecycle = report(id, Channel.GRID_REPORT, "OTHER", "其他：飞线充电", "3号楼飞线充电",
				DONGGUAN_BUILDING_3, Instant.now());
		assertThat(FollowUpVisits.sampleOf(files.get(id).caseNumber(), id)).isEqualTo(Integer.parseInt(sampleBucket));
		execute(job(lifecycle));
		complete(task(calledProcessInstance(lifecycle)),
				withVariables(Vars.DISPATCH_OUTCOME, "DISPATCH", Vars.HANDLING_UNIT_CODE, DemoCounty.GRID_DONGGUAN_1));
		complete(task(calledProcessInstance(lifecycle)),
				withVariables(Vars.HANDLING_OUTCOME, "RESOLVED", "resolution", "已拆除飞线"));
		execute(job(lifecycle));
		assertThat(lifecycle).isWaitingAt(Ids.TASK_RETURN_VISIT);
		return id;
	}

	private ProcessInstance lifecycle(UUID id) {
		return instanceOf(CaseLifecycleProcess.PROCESS_KEY, id);
	}

	private ProcessInstance visit(UUID id) {
		return instanceOf(ReturnVisitProcess.PROCESS_KEY, id);
	}

	private SlaClock openVisitClock(UUID id) {
		List<SlaClock> open = clocks.ofCase(id)
			.stream()
			.filter(c -> c.phase() == Phase.RETURN_VISIT && c.stoppedAt() == null)
			.toList();
		assertThat(open).hasSize(1);
		return open.get(0);
	}

	private List<String> types(UUID id) {
		return files.timelineOf(id).stream().map(TimelineEntry::type).toList();
	}

}
