package io.casegrid.emergency;

import io.casegrid.worklist.OutcomeField;
import io.casegrid.worklist.TaskContract;
import io.casegrid.worklist.TaskOutcome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the user tasks of {@code emergency-direct-report.bpmn} ask. */
@Configuration(proxyBeanMethods = false)
class EmergencyTaskContracts {

	static final String ACKNOWLEDGE = "Task_CountyAcknowledge";

	static final String HANDLE = "Task_EmergencyHandling";

	@Bean
	TaskContract countyAcknowledgeTask() {
		return TaskContract.of(ACKNOWLEDGE, "acknowledgeOutcome",
				TaskOutcome.of("ACKNOWLEDGED", "已接报", OutcomeField.text("commandNote", "指挥部署", false)));
	}

	@Bean
	TaskContract emergencyHandlingTask() {
		return TaskContract.of(HANDLE, "emergencyOutcome",
				TaskOutcome.of("RESOLVED", "处置完毕", OutcomeField.text("resolution", "处置结果", true)));
	}

}
