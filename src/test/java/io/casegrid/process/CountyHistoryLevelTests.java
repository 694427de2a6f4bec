package io.casegrid.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.Channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine runs at {@link CountyHistoryLevel}: a case's variable writes leave no {@code ACT_HI_DETAIL} rows, while
 * what Cockpit and an audit read — activity instances, each variable's last value, decision instances — is kept.
 */
class CountyHistoryLevelTests extends EngineTestSupport {

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void engineAndDatabaseAreAtTheCountyLevel() {
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
			.isEqualTo(CountyHistoryLevel.NAME);
		assertThat(jdbc.sql("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'").query(String.class).single())
			.isEqualTo(Integer.toString(CountyHistoryLevel.ID));
	}

	@Test
	void theHistoryCleanUpIsScheduledInTheNightlyBatchWindow() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		// Camunda creates the clean-up job at engine start only when a window is configured
		assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
	}

	@Test
	void variableWritesOfACaseLeaveNoDetailRowsButTheirLastValueActivitiesAndDecisions() {
		long triageDecisions = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey("Decision_CaseTriage")
			.count();
		ProcessInstance instance = report(UUID.randomUUID(), Channel.GRID_REPORT, "OTHER", "其他：违建",
				"东关社区3号楼楼顶搭建彩钢房", DONGGUAN_BUILDING_3, Instant.now());
		execute(job(instance));
		runtime.setVariable(instance.getId(), "historyProbe", "URGENT_SMALL");

		assertThat(jdbc.sql("SELECT count(*) FROM act_hi_detail WHERE proc_inst_id_ = ?")
			.param(instance.getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("historyProbe")
			.singleResult()
			.getValue()).isEqualTo("URGENT_SMALL");
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(CaseLifecycleProcess.Ids.TASK_OPEN_CASE_FILE)
			.finished()
			.count()).isEqualTo(1);
		assertThat(history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey("Decision_CaseTriage")
			.includeInputs()
			.includeOutputs()
			.count()).isEqualTo(triageDecisions + 1);
	}

	@Test
	void jobsOfACaseThatAreCreatedAndRunLeaveNoJobLogRowsButAFailureWould() {
		ProcessInstance instance = report(UUID.randomUUID(), Channel.GRID_REPORT, "OTHER", "其他：违建",
				"东关社区3号楼楼顶搭建彩钢房", DONGGUAN_BUILDING_3, Instant.now());
		Job intake = job(instance);
		execute(intake);

		assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel()
			.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, intake)).isTrue();
	}

}
