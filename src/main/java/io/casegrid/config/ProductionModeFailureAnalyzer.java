package io.casegrid.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what production mode refused, and what to do, instead of a stack trace. */
class ProductionModeFailureAnalyzer extends AbstractFailureAnalyzer<ProductionModeRefusal> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProductionModeRefusal cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give the service an external Keycloak realm without demo users and its own client secret, and no demo "
						+ "data; see docs/operations.md (Production mode). To try the product, leave CASEGRID_MODE unset.",
				cause);
	}

}
