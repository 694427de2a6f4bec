package io.casegrid.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineEntry;

/** {@code emergency-direct-report.bpmn}: straight to county command, township and department alerted, re-alerts. */
class EmergencyDirectReportProcessTests extends EngineTestSupport {

	@Test
	void gasLeakGoesStraightToCountyCommandWhichIsAlertedAgainUntilItAcknowledges() {
		UUID id = UUID.randomUUID();
		ProcessInstance lifecycle = report(id, Channel.HOTLINE_12345, "GAS_LEAK", "燃气泄漏", "3号楼燃气管道泄漏",
				DONGGUAN_BUILDING_3, Instant.now());
		execute(job(lifecycle));
		ProcessInstance emergency = instanceOf("EmergencyDirectReport", id);
		assertThat(files.get(id).handlingUnitCode()).isEqualTo(DemoCounty.COUNTY);
		assertThat(emergency).isWaitingAt("Task_NotifyTownshipAndDepartment", "Task_CountyAcknowledge");
		assertThat(task(emergency)).hasCandidateGroup("county-command");
		execute(management.createJobQuery().processInstanceId(emergency.getId()).activityId("Task_NotifyTownshipAndDepartment").singleResult());

		Instant start = Instant.now();
		for (int silence = 1; silence <= 2; silence++) {
			ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(15L * silence)).plusSeconds(5)));
			var timer = management.createJobQuery().processInstanceId(emergency.getId()).timers().executable().singleResult();
			assertThat(timer).as("re-alert " + silence + " is due").isNotNull();
			execute(timer);
		}
		assertThat(emergency).isWaitingAt("Task_CountyAcknowledge");
		complete(task(emergency), withVariables("acknowledgeOutcome", "ACKNOWLEDGED", "commandNote", "消防、燃气公司赶赴现场"));
		assertThat(management.createJobQuery().processInstanceId(emergency.getId()).timers().count())
			.as("no more re-alerts once acknowledged")
			.isZero();
		complete(task(emergency), withVariables("emergencyOutcome", "RESOLVED", "resolution", "关阀抢修，已排除险情"));

		assertThat(emergency).isEnded();
		assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.Ids.TASK_SEND_RESULT);
		List<String> types = files.timelineOf(id).stream().map(TimelineEntry::type).toList();
		assertThat(types).containsSubsequence("FILED", "DISPATCHED", "EMERGENCY_NOTIFIED", "EMERGENCY_REALERTED",
				"EMERGENCY_REALERTED", "EMERGENCY_ACKNOWLEDGED", "RESOLVED");
		assertThat(types.stream().filter("EMERGENCY_REALERTED"::equals).count()).isEqualTo(2);
		assertThat(files.timelineOf(id)).filteredOn(e -> e.type().equals("EMERGENCY_NOTIFIED"))
			.singleElement()
			.satisfies(e -> assertThat(e.summary()).contains("城关街道", "县燃气公司"));
	}

}
