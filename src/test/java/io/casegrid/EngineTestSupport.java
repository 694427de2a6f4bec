package io.casegrid;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.process.CaseProcesses;

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
