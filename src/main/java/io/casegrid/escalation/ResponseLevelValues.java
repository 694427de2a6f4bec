package io.casegrid.escalation;

import io.casegrid.process.DecisionOutputValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The levels a decision may start a case at ({@code startLevel} of {@code case-triage.dmn}). */
@Configuration(proxyBeanMethods = false)
class ResponseLevelValues {

	@Bean
	DecisionOutputValues startLevelDecisionValues() {
		return DecisionOutputValues.of("startLevel", ResponseLevel.values());
	}

}
