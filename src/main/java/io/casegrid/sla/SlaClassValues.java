package io.casegrid.sla;

import io.casegrid.process.DecisionOutputValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA classes a decision may give ({@code slaClass} of {@code case-triage.dmn}) or ask about. */
@Configuration(proxyBeanMethods = false)
class SlaClassValues {

	@Bean
	DecisionOutputValues slaClassDecisionValues() {
		return DecisionOutputValues.of("slaClass", SlaClass.values());
	}

}
