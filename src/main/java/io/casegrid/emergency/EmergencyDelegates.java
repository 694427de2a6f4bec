package io.casegrid.emergency;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.process.ProcessVariables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code emergency-direct-report.bpmn}: glue, each one call. */
@Configuration(proxyBeanMethods = false)
class EmergencyDelegates {

	/** 确定告警时限: county command's 接报 clock starts. In: caseId. Out: emergencyRealertCycle. */
	@Bean
	JavaDelegate prepareEmergency(Emergencies emergencies) {
		return execution -> execution.setVariable(EmergencyTimers.REALERT_CYCLE,
				emergencies.startAcknowledgementClock(ProcessVariables.caseId(execution)));
	}

	/** 同时通报乡镇和责任部门. In: caseId. */
	@Bean
	JavaDelegate notifyEmergency(Emergencies emergencies) {
		return execution -> emergencies.notifyTownshipAndDepartment(ProcessVariables.caseId(execution));
	}

	/** 再次告警. In: caseId. */
	@Bean
	JavaDelegate realertEmergency(Emergencies emergencies) {
		return execution -> emergencies.realert(ProcessVariables.caseId(execution));
	}

}
