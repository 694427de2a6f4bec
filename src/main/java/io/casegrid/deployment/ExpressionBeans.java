package io.casegrid.deployment;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Defence in depth behind {@link DeploymentCheck}: the engine's expressions resolve only the product's building blocks
 * ({@link ProductBeans}), not every Spring bean. Camunda's Spring integration hands the whole application context to
 * expressions ({@code ApplicationContextElResolver}) unless the configuration's {@code beans} map is set; Spring's
 * factory bean builds that expression manager before plugins run, so this plugin replaces it with one on the limited
 * map (which also keeps Spring beans out of scripts, {@code SpringProcessEngineConfiguration.initScripting}).
 */
@Component
class ExpressionBeans extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	private final ProductBeans beans;

	ExpressionBeans(ApplicationContext context, ProductBeans beans) {
		this.context = context;
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBeans(beans.asExpressionBeans());
		configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()));
	}

}
