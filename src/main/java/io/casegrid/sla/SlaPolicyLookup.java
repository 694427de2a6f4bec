package io.casegrid.sla;

import io.casegrid.process.LookupDecision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code sla-policy.dmn} is looked up for every clock a case starts (several per case); the limit and counting it
 * gives are stored on the clock ({@code sla_clock.budget}, {@code counting}), so its evaluations are not kept as
 * decision instances in the engine's history.
 */
@Configuration(proxyBeanMethods = false)
class SlaPolicyLookup {

	@Bean
	LookupDecision slaPolicyDecision() {
		return new LookupDecision(SlaPolicy.DECISION_KEY);
	}

}
