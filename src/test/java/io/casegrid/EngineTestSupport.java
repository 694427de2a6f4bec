package io.casegrid;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.casegrid.casefile.CaseFile;
import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.CaseLifecycleProcess;
import io.casegrid.casefile.CaseLocation;
import io.casegrid.casefile.CaseProcesses;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.TimelineNote;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every process test needs: the engine bound to camunda-bpm-assert, the case files and processes, and the engine
 * clock put back after each test (tests move it to fire timers).
 */
@ProcessTest
public abstract class EngineTestSupport {

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected CaseFiles files;

	@Autowired
	protected CaseProcesses processes;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected ManagementService management;

	/** 东关社区3号楼, in 东关社区第一网格 of 城关街道. */
	protected static final CaseLocation DONGGUAN_BUILDING_3 = new CaseLocation("东关社区3号楼", null, null,
			DemoCounty.GRID_DONGGUAN_1, DemoCounty.GRID_DONGGUAN_1, DemoCounty.VILLAGE_DONGGUAN,
			DemoCounty.TOWNSHIP_CHENGGUAN, DemoCounty.COUNTY);

	/**
	 * Reports a case as intake does (case file, first timeline line, six-step loop started) and returns its
	 * lifecycle instance, waiting before 案卷建立.
	 */
	protected ProcessInstance report(UUID caseId, Channel channel, String category, String title,
			String description, CaseLocation place, Instant reportedAt) {
		CaseFile file = CaseFile.reported(caseId, "T-" + caseId.toString().substring(0, 8), channel, null, category,
				title, description, place, null, null, reportedAt);
		files.open(file, List.of(), "test", TimelineNote.of("REPORTED", "问题上报"));
		processes.start(file, "test");
		return instanceOf(CaseLifecycleProcess.PROCESS_KEY, caseId);
	}

	/** The case's running instance of a process (the lifecycle or one it called). */
	protected ProcessInstance instanceOf(String processKey, UUID caseId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(caseId.toString())
			.singleResult();
	}

	@BeforeEach
	void bindAssertions() {
		AbstractAssertions.init(engine);
	}

	@AfterEach
	void resetClockAndAssertions() {
		ClockUtil.reset();
		AbstractAssertions.reset();
	}

}
