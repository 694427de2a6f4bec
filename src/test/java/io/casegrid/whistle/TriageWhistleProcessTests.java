package io.casegrid.whistle;

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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casegrid.DemoCounty;
import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseStep;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;
import io.casegrid.escalation.ThreeLevelResponseProcess;
import io.casegrid.whistle.DepartmentReportProcess.Ids;
import io.casegrid.whistle.DepartmentReportProcess.Vars;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 研判派发 (辉南: 根据事件种类自动派发至报到部门) on the real engine: a department matter reaches the department of the
 * kind {@code case-triage.dmn} names, resolved in the case's county; the township is copied and takes the case up
 * again when the department reports. The case's step follows the department's work.
 */
class TriageWhistleProcessTests extends EngineTestSupport {

	static final Instant TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@Autowired
	WhistleRecords whistles;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void start() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
	}

	@Test
	void aDepartmentMatterGoesStraightToTheCountysDepartmentOfItsKindAndTheTownshipIsCopied() {
		ProcessInstance handling = streetVendorReported();

		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.CALL_DEPARTMENT_REPORT)
			.hasPassed(ThreeLevelResponseProcess.Ids.TASK_WHISTLE_BY_TRIAGE);
		ProcessInstance report = calledProcessInstance(handling);
		assertThat(report).isWaitingAt(Ids.TASK_ACKNOWLEDGE);
		assertThat(task(report)).hasCandidateGroup(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
		assertThat(runtime.getVariable(report.getId(), Vars.WHISTLED_BY)).isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		UUID caseId = caseIdOf(handling);
		assertThat(files.get(caseId).handlingUnitCode()).as("the township holds the case, copied")
			.isEqualTo(DemoCounty.TOWNSHIP_CHENGGUAN);
		TimelineEntry whistled = entry(caseId, "WHISTLED");
		assertThat(whistled.details()).containsEntry("departments", DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
			.containsEntry("whistledBy", DemoCounty.TOWNSHIP_CHENGGUAN)
			.containsEntry("source", "TRIAGE");
		assertThat(whistles.ofCase(caseId)).singleElement().satisfies(w -> {
			assertThat(w.source()).isEqualTo(WhistleSource.TRIAGE);
			assertThat(w.departments()).containsExactly(DemoCounty.DEPARTMENT_URBAN_MANAGEMENT);
			assertThat(w.judgement()).isNull();
		});

		complete(task(report), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		complete(task(report), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "执法队已劝离摊贩"));
		assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL)
			.hasPassed(ThreeLevelResponseProcess.Ids.TASK_TAKE_BACK_LEVEL_CLOCK);
		assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
	}

	@Test
	void aKindWithoutADepartmentInTheCountyFallsBackToTheTownshipWithATimelineNote() {
		jdbc.sql("UPDATE org_unit SET kind = NULL WHERE code = :code")
			.param("code", DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
			.update();
		try {
			ProcessInstance handling = streetVendorReported();
			UUID caseId = caseIdOf(handling);

			assertThat(handling).isWaitingAt(ThreeLevelResponseProcess.Ids.TASK_HANDLE_AT_LEVEL)
				.hasNotPassed(ThreeLevelResponseProcess.Ids.TASK_WHISTLE_BY_TRIAGE);
			assertThat(task(handling)).hasCandidateGroup(DemoCounty.TOWNSHIP_CHENGGUAN);
			assertThat(files.get(caseId).departmentCode()).isNull();
			assertThat(entry(caseId, "DEPARTMENT_UNRESOLVED").details()).containsEntry("departmentKind",
					"URBAN_MANAGEMENT");
			assertThat(whistles.ofCase(caseId)).isEmpty();
		}
		finally {
			jdbc.sql("UPDATE org_unit SET kind = 'URBAN_MANAGEMENT' WHERE code = :code")
				.param("code", DemoCounty.DEPARTMENT_URBAN_MANAGEMENT)
				.update();
		}
	}

	@Test
	void theCaseIsInHandlingFromTheDepartmentsAcknowledgementUntilTheTownshipResolves() {
		ProcessInstance handling = streetVendorReported();
		UUID caseId = caseIdOf(handling);
		ProcessInstance report = calledProcessInstance(handling);
		assertThat(files.get(caseId).step()).as("dispatched, nobody has started yet").isEqualTo(CaseStep.DISPATCHED);

		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plus(Duration.ofMinutes(20))));
		complete(task(report), withVariables(Vars.ACKNOWLEDGE_OUTCOME, "ACKNOWLEDGE"));
		assertThat(files.get(caseId).step()).as("the department's 报到 starts 调查落实").isEqualTo(CaseStep.HANDLING);
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plus(Duration.ofMinutes(80))));
		complete(task(report), withVariables(Vars.DEPARTMENT_OUTCOME, "REPORTED", "reportSummary", "执法队已劝离摊贩"));
		assertThat(files.get(caseId).step()).isEqualTo(CaseStep.HANDLING);
		ClockUtil.setCurrentTime(Date.from(TUESDAY_10.plus(Duration.ofMinutes(90))));
		complete(task(handling), withVariables(CaseLifecycleProcess.Vars.HANDLING_OUTCOME, "RESOLVED", "resolution",
				"城管已处置，街道核实"));

		List<TimelineEntry> timeline = files.timelineOf(caseId);
		Instant handlingStarted = timeline.stream()
			.filter(e -> e.step() == CaseStep.HANDLING)
			.map(TimelineEntry::at)
			.findFirst()
			.orElseThrow();
		assertThat(handlingStarted).isEqualTo(TUESDAY_10.plus(Duration.ofMinutes(20)));
		assertThat(entry(caseId, "DEPARTMENT_ACKNOWLEDGED").step()).isEqualTo(CaseStep.HANDLING);
		assertThat(entry(caseId, "RESOLVED").at()).as("调查落实 lasts from the 报到 to the result")
			.isAfter(handlingStarted);
	}

	private ProcessInstance streetVendorReported() {
		UUID id = UUID.randomUUID();
		ProcessInstance lifecycle = report(id, Channel.GRID_REPORT, "STREET_VENDOR", "占道经营", "东关社区3号楼前有摊贩占道经营",
				DONGGUAN_BUILDING_3, TUESDAY_10);
		execute(job(lifecycle));
		ProcessInstance handling = calledProcessInstance(lifecycle);
		assertThat(handling.getProcessDefinitionId()).startsWith(ThreeLevelResponseProcess.PROCESS_KEY + ":");
		return handling;
	}

	private static UUID caseIdOf(ProcessInstance handling) {
		return UUID.fromString(handling.getBusinessKey());
	}

	private TimelineEntry entry(UUID caseId, String type) {
		return files.timelineOf(caseId).stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
	}

}
