package io.casegrid.process.feel;

import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the {@link CachingFeelEngine} instead of the stock FEEL engine; {@link #dmnEngine()}
 * builds a stand-alone DMN engine the same way, for decisions evaluated outside the process engine.
 */
@Component
public class FeelExpressionCache extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDmnEngineConfiguration(withCachingFeel(configuration.getDmnEngineConfiguration()));
	}

	/** A DMN engine outside the process engine (no history, no metrics) with the caching FEEL engine. */
	public static DmnEngine dmnEngine() {
		return withCachingFeel(null).buildEngine();
	}

	private static DefaultDmnEngineConfiguration withCachingFeel(DefaultDmnEngineConfiguration given) {
		DefaultDmnEngineConfiguration dmn = given != null ? given
				: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		dmn.setFeelEngineFactory(() -> new CachingFeelEngine(List.of()));
		return dmn;
	}

}
