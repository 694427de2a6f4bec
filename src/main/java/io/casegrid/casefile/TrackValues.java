package io.casegrid.casefile;

import io.casegrid.process.DecisionOutputValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tracks a decision may place a case on: those {@code casegrid.filing.tracks} gives processes to. */
@Configuration(proxyBeanMethods = false)
class TrackValues {

	@Bean
	DecisionOutputValues trackDecisionValues(FilingProperties filing) {
		return DecisionOutputValues.of("track", filing.tracks().keySet());
	}

}
