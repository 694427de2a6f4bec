package io.casegrid.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess.Ids;
import io.casegrid.casefile.CaseLifecycleProcess.Vars;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.sla.Phase;
import io.casegrid.sla.SlaClocks;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through {@code case-lifecycle.bpmn} (and the default dispatch and handling processes it calls), on the
 * real engine and the embedded PostgreSQL. The job executor is off: the tests run each async step and move the
 * engine clock for timers themselves.
 */
class CaseLifecycleProcessTests extends EngineTestSupport {

	@Autowired
	SlaClocks clocks;

	@Test
	void happyPathGoesThroughAllSixSteps() {
		Case c = report();
		assertThat(c.instance).isWaitingAt(Ids.TASK_OPEN_CASE_FILE);
		assertThat(step(c)).isEqualTo(CaseStep.REPORTED);

		execute(job(c.instance));
		assertThat(c.instance).isWaitingAt(Ids.CALL_DISPATCH);
		assertThat(step(c)).isEqualTo(CaseStep.FILED);

		dispatchTo(c, DemoCounty.GRID_DONGGUAN_1);
		assertThat(c.instance).isWaitingAt(Ids.CALL_HANDLE);
		assertThat(step(c)).isEqualTo(CaseStep.DISPATCHED);

		ProcessInstance handling = calledProcessInstance(c.instance);
		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.GRID_DONGGUAN_1);
		engine.getTaskService().claim(task(handling).getId(), "grid-worker-1");
		assertThat(step(c)).isEqualTo(CaseStep.HANDLING);
		complete(task(handling), withVariables(Vars.HANDLING_OUTCOME, "RESOLVED", "resolution", "已拆除飞线"));

		assertThat(c.instance).isWaitingAt(Ids.TASK_SEND_RESULT);
		execute(job(c.instance));
		assertThat(c.instance).isWaitingAt(Ids.TASK_RETURN_VISIT);
		assertThat(task(c.instance)).hasCandidateGroup(DemoCounty.VILLAGE_DONGGUAN);
		assertThat(step(c)).isEqualTo(CaseStep.FEEDBACK);

		complete(task(c.instance), withVariables(Vars.EVALUATION_SCORE, "SATISFIED"));
		assertThat(c.instance).isWaitingAt(Ids.TASK_ARCHIVE);
		execute(job(c.instance));

		assertThat(c.instance).isEnded().hasPassed(Ids.TASK_RECORD_EVALUATION).hasNotPassed(Ids.TASK_MARK_REDO);
		CaseFile archived = files.get(c.id);
		assertThat(archived.step()).isEqualTo(CaseStep.ARCHIVED);
		assertThat(archived.handlingUnitCode()).isEqualTo(DemoCounty.GRID_DONGGUAN_1);
		assertThat(archived.resolution()).isEqualTo("已拆除飞线");
		assertThat(archived.evaluation().score()).isEqualTo(EvaluationScore.SATISFIED);
		assertThat(archived.evaluation().defaulted()).isFalse();
		assertThat(types(c)).containsExactly("REPORTED", "FILED", "DISPATCHED", "SIGNED_FOR", "RESOLVED",
				"RESULT_SENT", "EVALUATED", "ARCHIVED");
	}

	@Test
	void theLifecycleAndItsCalledProcessesCarryOnlyIdsAndWhatTheirDiagramsAndFormsRead() {
		Case c = report();
		execute(job(c.instance));
		assertThat(runtime.getVariables(c.instance.getId()).keySet()).as("the lifecycle after 案卷建立")
			.containsExactlyInAnyOrder(Vars.CASE_ID, Vars.CASE_NUMBER, Vars.DISPATCH_PROCESS, Vars.HANDLING_PROCESS,
					Vars.REDO_COUNT);
		assertThat(runtime.getVariables(calledProcessInstance(c.instance).getId()).keySet()).as("人工研判")
			.containsExactlyInAnyOrder(Vars.CASE_ID, Vars.CASE_NUMBER, Vars.HANDLING_PROCESS);

		dispatchTo(c, DemoCounty.GRID_DONGGUAN_1);
		ProcessInstance handling = calledProcessInstance(c.instance);

		assertThat(runtime.getVariables(handling.getId())).as("the three-level response")
			.containsKeys(Vars.CASE_ID, Vars.CASE_NUMBER, Vars.HANDLING_UNIT_CODE)
			.doesNotContainKeys(Vars.TRACK, "departmentCode", "slaClass", Vars.REDO_COUNT);
		CaseFile file = files.get(c.id);
		assertThat(clocks.ofCase(c.id)).filteredOn(k -> k.phase() == Phase.HANDLING).singleElement()
			.satisfies(k -> assertThat(k.slaClass()).isEqualTo(file.slaClass()).isNotNull())
			.satisfies(k -> assertThat(k.departmentCode()).isEqualTo(file.departmentCode()));
	}

	@Test
	void firstDissatisfactionSendsTheCaseBackOnceThenSatisfied() {
		Case c = reportedAndHandled();
		processes.deliverEvaluation(c.id, "DISSATISFIED", "还在充电", EvaluationSource.RESIDENT, "resident");

		assertThat(c.instance).isWaitingAt(Ids.CALL_HANDLE).hasPassed(Ids.TASK_MARK_REDO);
		assertThat(files.get(c.id).redoCount()).isEqualTo(1);
		assertThat(files.get(c.id).step()).isEqualTo(CaseStep.HANDLING);
		assertThat(c.instance).variables().containsEntry(Vars.REDO_COUNT, 1);

		resolve(c, "再次上门劝导并拆除");
		processes.deliverEvaluation(c.id, "BASICALLY_SATISFIED", null, EvaluationSource.RESIDENT, "resident");
		execute(job(c.instance));

		assertThat(c.instance).isEnded();
		assertThat(files.get(c.id).evaluation().score()).isEqualTo(EvaluationScore.BASICALLY_SATISFIED);
		assertThat(types(c)).containsSubsequence("EVALUATED", "REDO", "RESOLVED", "RESULT_SENT", "EVALUATED",
				"ARCHIVED");
	}

	@Test
	void secondDissatisfactionGoesToTheCentreWhichCloses() {
		Case c = reportedAndHandled();
		processes.deliverEvaluation(c.id, "DISSATISFIED", null, EvaluationSource.RESIDENT, "resident");
		resolve(c, "再次处理");
		processes.deliverEvaluation(c.id, "DISSATISFIED", "仍不满意", EvaluationSource.RESIDENT, "resident");

		assertThat(c.instance).isWaitingAt(Ids.TASK_CENTRE_DECISION);
		assertThat(task(c.instance)).hasCandidateGroup("governance-centre");
		complete(task(c.instance), withVariables(Vars.CENTRE_DECISION, "CLOSE", "decisionReason", "诉求已依法处理"));
		execute(job(c.instance));

		assertThat(c.instance).isEnded();
		assertThat(files.get(c.id).redoCount()).isEqualTo(1);
		assertThat(types(c)).containsSubsequence("REDO", "EVALUATED", "CENTRE_DECIDED", "ARCHIVED");
	}

	@Test
	void centreCanSendTheCaseToDispatchAgain() {
		Case c = reportedAndHandled();
		processes.deliverEvaluation(c.id, "DISSATISFIED", null, EvaluationSource.RESIDENT, "resident");
		resolve(c, "再次处理");
		processes.deliverEvaluation(c.id, "DISSATISFIED", null, EvaluationSource.RESIDENT, "resident");
		complete(task(c.instance), withVariables(Vars.CENTRE_DECISION, "REASSIGN", "decisionReason", "应由城管处理"));

		assertThat(c.instance).isWaitingAt(Ids.CALL_DISPATCH);
		dispatchTo(c, DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(files.get(c.id).handlingUnitCode()).isEqualTo(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
	}

	@Test
	void noEvaluationWithinThePeriodCountsAsSatisfied() {
		Case c = reportedAndHandled();
		Date due = (Date) runtime.getVariable(c.instance.getId(), Vars.EVALUATION_DUE_AT);
		assertThat(due.toInstant()).isBetween(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60),
				Instant.now().plus(Duration.ofDays(3)).plusSeconds(60));
		assertThat(management.createJobQuery().processInstanceId(c.instance.getId()).timers().executable().count())
			.isZero();

		ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(1)));
		var timer = management.createJobQuery().processInstanceId(c.instance.getId()).timers().executable().singleResult();
		assertThat(timer).isNotNull();
		execute(timer);
		assertThat(c.instance).hasPassed(Ids.TASK_DEFAULT_EVALUATION).isWaitingAt(Ids.TASK_ARCHIVE);
		execute(job(c.instance));

		assertThat(c.instance).isEnded();
		var evaluation = files.get(c.id).evaluation();
		assertThat(evaluation.score()).isEqualTo(EvaluationScore.SATISFIED);
		assertThat(evaluation.defaulted()).isTrue();
		assertThat(types(c)).containsSubsequence("RESULT_SENT", "EVALUATION_DEFAULTED", "ARCHIVED");
	}

	@Test
	void invalidReportIsArchivedWithoutHandling() {
		Case c = report();
		execute(job(c.instance));
		ProcessInstance dispatch = calledProcessInstance(c.instance);
		complete(task(dispatch), withVariables(Vars.DISPATCH_OUTCOME, "REJECT", "rejectReason", "重复上报的测试信息"));

		assertThat(c.instance).isWaitingAt(Ids.TASK_ARCHIVE).hasNotPassed(Ids.CALL_HANDLE);
		execute(job(c.instance));
		assertThat(c.instance).isEnded();
		assertThat(files.get(c.id).valid()).isFalse();
		assertThat(files.get(c.id).step()).isEqualTo(CaseStep.ARCHIVED);
		assertThat(types(c)).containsExactly("REPORTED", "FILED", "REJECTED", "ARCHIVED");
	}

	@Test
	void defaultHandlingProcessStillLetsTheUnitAskForMoreTimeAndKeepTheTask() {
		// grid and department cases use the three-level response now; CaseHandling stays deployed for tracks that
		// name it, so it is started here directly, as a call activity would
		Case c = report();
		execute(job(c.instance));
		ProcessInstance handling = runtime.startProcessInstanceByKey(CaseLifecycleProcess.HANDLING_PROCESS_KEY,
				c.id.toString(), java.util.Map.of(Vars.CASE_ID, c.id.toString(), Vars.HANDLING_UNIT_CODE,
						DemoCounty.GRID_DONGGUAN_1));
		engine.getTaskService().claim(task(handling).getId(), "grid-worker-1");
		complete(task(handling), withVariables(Vars.HANDLING_OUTCOME, "NEED_MORE_TIME", "extensionReason", "需要协调物业"));

		assertThat(handling).isWaitingAt(Ids.TASK_HANDLE);
		assertThat(task(handling)).isAssignedTo("grid-worker-1");
		assertThat(types(c)).contains("MORE_TIME_REQUESTED");
	}

	@Test
	void handlingUnitCanReturnTheCaseForDispatch() {
		Case c = report();
		execute(job(c.instance));
		dispatchTo(c, DemoCounty.GRID_DONGGUAN_1);
		complete(task(calledProcessInstance(c.instance)),
				withVariables(Vars.HANDLING_OUTCOME, "RETURN", "returnReason", "不属于本网格"));

		assertThat(c.instance).isWaitingAt(Ids.CALL_DISPATCH);
		assertThat(files.get(c.id).step()).isEqualTo(CaseStep.FILED);
		assertThat(files.get(c.id).handlingUnitCode()).isNull();
		dispatchTo(c, DemoCounty.GRID_HEXI_1);
		assertThat(task(calledProcessInstance(c.instance))).hasCandidateGroup(DemoCounty.GRID_HEXI_1);
	}

	private record Case(UUID id, ProcessInstance instance) {
	}

	private Case report() {
		UUID id = UUID.randomUUID();
		return new Case(id, report(id, Channel.GRID_REPORT, "OTHER", "其他：飞线充电", "3号楼飞线充电", DONGGUAN_BUILDING_3,
				Instant.now()));
	}

	/** Reported, filed, dispatched, resolved, result sent: waiting for the evaluation. */
	private Case reportedAndHandled() {
		Case c = report();
		execute(job(c.instance));
		dispatchTo(c, DemoCounty.GRID_DONGGUAN_1);
		resolve(c, "已拆除飞线");
		assertThat(c.instance).isWaitingAt(Ids.TASK_RETURN_VISIT);
		return c;
	}

	private void dispatchTo(Case c, String unit) {
		complete(task(calledProcessInstance(c.instance)),
				withVariables(Vars.DISPATCH_OUTCOME, "DISPATCH", Vars.HANDLING_UNIT_CODE, unit));
	}

	private void resolve(Case c, String resolution) {
		complete(task(calledProcessInstance(c.instance)),
				withVariables(Vars.HANDLING_OUTCOME, "RESOLVED", "resolution", resolution));
		execute(job(c.instance));
	}

	private CaseStep step(Case c) {
		return files.get(c.id).step();
	}

	private List<String> types(Case c) {
		return files.timelineOf(c.id).stream().map(TimelineEntry::type).toList();
	}

}
